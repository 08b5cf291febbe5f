// swift-tools-version:6.0
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, so the root package is known by
// whatever its clone is called.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()
let core = Target.Dependency.product(name: "ClaimDeskCore", package: root)

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
        .executableTarget(name: "store-bench", dependencies: [core]),
        .executableTarget(name: "startup-bench", dependencies: [core]),
    ],
    swiftLanguageModes: [.v6]
)
