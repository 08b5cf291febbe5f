// swift-tools-version:6.0
import PackageDescription

// The root package is named explicitly: SwiftPM would otherwise name a path dependency
// after its folder, which is whatever the clone is called.
let core = Target.Dependency.product(name: "ClaimDeskCore", package: "claimdesk")
let web = Target.Dependency.product(name: "ClaimDeskWeb", package: "claimdesk")
let corpus = Target.Dependency.product(name: "ClaimDeskCorpus", package: "claimdesk")

// Release-built benchmarks. Run them through the scripts beside this file,
// which build in release mode and print figures (and a peer's, where one is named).
let package = Package(
    name: "ClaimDeskBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "claimdesk", path: ".."),
    ],
    targets: [
        .executableTarget(name: "segment-bench", dependencies: [core]),
        .executableTarget(name: "reanchor-bench", dependencies: [core]),
        .target(name: "BenchSupport", dependencies: [core]),
        .executableTarget(name: "store-bench", dependencies: [core, "BenchSupport"]),
        .executableTarget(name: "scale-bench", dependencies: [core, "BenchSupport"]),
        .executableTarget(name: "export-bench", dependencies: [core, "BenchSupport"]),
        .executableTarget(name: "session-io-bench", dependencies: [core, "BenchSupport"]),
        .executableTarget(name: "corpus-bench", dependencies: [core, corpus, "BenchSupport"]),
        .executableTarget(name: "startup-bench", dependencies: [core]),
        .executableTarget(name: "review-bench", dependencies: [core]),
        .executableTarget(name: "find-bench", dependencies: [core]),
        .executableTarget(name: "segment-accuracy", dependencies: [core]),
        .executableTarget(name: "web-bench", dependencies: [web]),
        .executableTarget(name: "team-store-bench"),
        .executableTarget(name: "suggest-bench", dependencies: [core]),
        .executableTarget(name: "keystroke-bench", dependencies: [core]),
    ],
    swiftLanguageModes: [.v6]
)
