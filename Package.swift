// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "claimdesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "claimdesk", targets: ["claimdesk"]),
        .library(name: "ClaimDeskCore", targets: ["ClaimDeskCore"]),
        .library(name: "ClaimDeskWeb", targets: ["ClaimDeskWeb"]),
        .library(name: "ClaimDeskCorpus", targets: ["ClaimDeskCorpus"]),
        .library(name: "ClaimDeskTeamStore", targets: ["ClaimDeskTeamStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256 (session fingerprints, article digests): BoringSSL's, linked in (docs/decisions.md).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // libedit, the BSD line editor, through pkg-config.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // libcurl for fetching URLs: opened on first use, not linked (see the module's shim.h).
        .systemLibrary(
            name: "CLibCurl",
            providers: [.apt(["libcurl4"])]
        ),
        // libxml2's HTML parser, for saved web pages: opened on first use, not linked, so the
        // shell's start-up does not pay for it (see the module's shim.h).
        .systemLibrary(
            name: "CLibXML2",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The system SQLite for the corpus index: opened on first use, not linked (see the module's
        // shim.h); the header comes from libsqlite3-dev.
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // libpq, PostgreSQL's client, for the team store: opened on first use, not linked, so the
        // shell's start-up does not pay for it (see the module's shim.h).
        .systemLibrary(
            name: "CLibPQ",
            providers: [.apt(["libpq-dev"])]
        ),
        // Where a new thread begins (GNU extensions of the C library, which Swift does not see).
        .target(name: "CThreadPlacement"),
        .target(
            name: "ClaimDeskCore",
            dependencies: ["CThreadPlacement", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Web pages to articles: parsing, main-content extraction, metadata. Pure, like Core.
        .target(
            name: "ClaimDeskWeb",
            dependencies: ["ClaimDeskCore", "CLibXML2"]
        ),
        // The corpus index: sessions to SQLite rows, refreshes, queries. Only the index and query
        // paths use it.
        .target(
            name: "ClaimDeskCorpus",
            dependencies: ["ClaimDeskCore", "CSQLite"]
        ),
        .target(
            name: "ClaimDeskShell",
            dependencies: ["ClaimDeskCore", "ClaimDeskWeb"]
        ),
        // Sessions in a shared PostgreSQL database: the I/O side, like the executable.
        .target(
            name: "ClaimDeskTeamStore",
            dependencies: ["ClaimDeskCore", "ClaimDeskShell", "CLibPQ"]
        ),
        .executableTarget(
            name: "claimdesk",
            dependencies: [
                "ClaimDeskCore",
                "ClaimDeskShell",
                "ClaimDeskTeamStore",
                "ClaimDeskWeb",
                "ClaimDeskCorpus",
                "CEditLine",
                "CLibCurl",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "CPseudoTerminal",
            path: "Tests/Support/CPseudoTerminal"
        ),
        .testTarget(
            name: "ClaimDeskCoreTests",
            dependencies: ["ClaimDeskCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ClaimDeskWebTests",
            dependencies: ["ClaimDeskWeb", "ClaimDeskCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ClaimDeskCorpusTests",
            dependencies: ["ClaimDeskCorpus", "ClaimDeskCore"]
        ),
        .testTarget(
            name: "ClaimDeskTeamStoreTests",
            dependencies: ["ClaimDeskTeamStore", "ClaimDeskShell", "ClaimDeskCore"]
        ),
        .testTarget(
            name: "ClaimDeskShellTests",
            dependencies: ["ClaimDeskShell", "ClaimDeskCore"]
        ),
        .testTarget(
            name: "ClaimDeskEndToEndTests",
            dependencies: ["claimdesk", "CPseudoTerminal", "ClaimDeskCore"],
            exclude: ["Transcripts", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Our Swift code (every target here but the system libraries' and the C shim's) instantiates
// generic types such as `[AnnotationID: Int]` by calling their metadata functions, not by
// looking up their mangled names at run time: each conformance a name needs was found by
// scanning every conformance in the binary (about 94,000 instructions each, 23 of them when a
// session is first opened; docs/decisions.md). Swift's own flag; the binary grows by 0.1%.
for target in package.targets where target.type != .system && target.name != "CPseudoTerminal" {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]),
    ]
}
