// swift-tools-version:6.0
import PackageDescription

// Release-built benchmarks. Run them through the scripts beside this file,
// which build in release mode and print figures (and a peer's, where one is named).
let package = Package(
    name: "ClaimDeskBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "claimdesk", path: ".."),
    ],
    targets: [
        .executableTarget(name: "segment-bench", dependencies: [.product(name: "ClaimDeskCore", package: "claimdesk")]),
        .executableTarget(name: "reanchor-bench", dependencies: [.product(name: "ClaimDeskCore", package: "claimdesk")]),
        .executableTarget(name: "store-bench", dependencies: [.product(name: "ClaimDeskCore", package: "claimdesk")]),
        .executableTarget(name: "startup-bench", dependencies: [.product(name: "ClaimDeskCore", package: "claimdesk")]),
    ],
    swiftLanguageModes: [.v6]
)
