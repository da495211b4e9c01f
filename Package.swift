// swift-tools-version:6.2
import PackageDescription

/// Settings shared by every first-party target: Swift 6 language mode is the tools-version default;
/// these add the upcoming features that keep C and third-party types from leaking across modules,
/// and make every warning an error ("no warnings").
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
    // Expensive invariant checks (CSR offsets, partitions); on in debug builds and so in CI test runs.
    .define("CONTEXTD_INTERNAL_CHECKS", .when(configuration: .debug)),
]

/// Property-based testing (issue 7): the CSV round trip and graph invariants.
let propertyBased: Target.Dependency = .product(name: "PropertyBased", package: "swift-property-based")

let package = Package(
    name: "contextd",
    platforms: [.macOS(.v15)],
    products: [.executable(name: "contextd", targets: ["contextd"])],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The daemon (ContextService) only.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // L0: the Graphviz C library, through pkg-config (libgvc); only ContextMaps may list it.
        .systemLibrary(
            name: "CGraphviz", pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]),
        .target(
            name: "GraphAlgorithms",
            dependencies: [.product(name: "HeapModule", package: "swift-collections")],
            swiftSettings: strict),
        .target(name: "ContextModel", swiftSettings: strict),
        // The one file layer: the only module that calls POSIX file functions.
        .target(name: "ContextFiles", swiftSettings: strict),

        // L1
        .target(
            name: "ContextIngest",
            dependencies: ["ContextModel", "ContextFiles", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        .target(name: "ContextAnalysis", dependencies: ["ContextModel", "GraphAlgorithms"], swiftSettings: strict),
        .target(
            name: "ContextPrivacy", dependencies: ["ContextModel", "ContextFiles", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        .target(name: "ContextSample", dependencies: ["ContextModel", "ContextFiles", "GraphAlgorithms"], swiftSettings: strict),

        // L2
        .target(
            name: "ContextMaps", dependencies: ["ContextAnalysis", "ContextModel", "ContextPrivacy", "CGraphviz"],
            swiftSettings: strict),
        // Schemas/: the JSON Schemas (draft 2020-12) of every JSON output, shipped for readers and
        // checked against real outputs by the tests.
        .target(
            name: "ContextReports", dependencies: ["ContextAnalysis", "ContextModel", "ContextPrivacy", "GraphAlgorithms"],
            exclude: ["Schemas"],
            swiftSettings: strict),

        // Run history (scores of past runs, for trends) in SQLite through GRDB, with migrations.
        .target(
            name: "ContextHistory",
            dependencies: ["ContextReports", "ContextFiles", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),

        // L3: one run, end to end.
        .target(
            name: "ContextPipeline",
            dependencies: [
                "ContextIngest", "ContextAnalysis", "ContextMaps", "ContextReports", "ContextModel", "ContextPrivacy",
                "ContextHistory", "ContextFiles",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict),

        // L4: the daemon: watcher, scheduler, run coordinator and status API as ServiceLifecycle services.
        .target(
            name: "ContextService",
            dependencies: [
                "ContextPipeline", "ContextIngest", "ContextModel", "ContextReports", "ContextFiles",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict),

        // L5: the command line; commands only.
        .executableTarget(
            name: "contextd",
            dependencies: [
                "ContextPipeline", "ContextIngest", "ContextSample", "ContextModel", "ContextReports", "ContextService",
                "ContextAnalysis", "ContextMaps", "ContextFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),

        // Test support, shipped as a target (as every Swift anchor does).
        .target(
            name: "ContextTestSupport",
            dependencies: ["GraphAlgorithms", "ContextModel"],
            path: "Tests/ContextTestSupport",
            exclude: ["make_reference.py", "make_reference_community.py", "make_reference_analysis.py"],
            resources: [.copy("Reference")],
            swiftSettings: strict),

        .testTarget(
            name: "GraphAlgorithmsTests", dependencies: ["GraphAlgorithms", "ContextTestSupport", propertyBased],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ContextPrivacyTests", dependencies: ["ContextPrivacy", "ContextModel", "ContextTestSupport"],
            swiftSettings: strict),
        .testTarget(name: "ContextFilesTests", dependencies: ["ContextFiles", "ContextTestSupport"], swiftSettings: strict),
        .testTarget(name: "ContextModelTests", dependencies: ["ContextModel"], swiftSettings: strict),
        .testTarget(
            name: "ContextIngestTests",
            dependencies: ["ContextIngest", "ContextModel", "ContextTestSupport", propertyBased],
            resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(
            name: "ContextAnalysisTests",
            dependencies: ["ContextAnalysis", "ContextModel", "ContextIngest", "ContextTestSupport", propertyBased],
            swiftSettings: strict),
        .testTarget(
            name: "ContextSampleTests",
            dependencies: ["ContextSample", "ContextModel", "ContextIngest", "ContextTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "ContextReportsTests",
            dependencies: [
                "ContextReports", "ContextAnalysis", "ContextModel", "ContextPrivacy", "ContextTestSupport",
                "GraphAlgorithms",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "ContextHistoryTests", dependencies: ["ContextHistory", "ContextReports", "ContextTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "ContextMapsTests",
            dependencies: ["ContextMaps", "ContextModel", "ContextAnalysis", "ContextPrivacy"],
            swiftSettings: strict),
        .testTarget(
            name: "ContextPipelineTests",
            dependencies: [
                "ContextPipeline", "ContextModel", "ContextIngest", "ContextAnalysis", "ContextMaps",
                "ContextReports", "ContextHistory", "ContextTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            swiftSettings: strict),
        // The reader reports on the shipped sample: privacy promises, disclosure control, schemas.
        .testTarget(
            name: "ReaderReportsTests",
            dependencies: [
                "ContextPipeline", "ContextReports", "ContextIngest", "ContextModel", "ContextTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .testTarget(name: "ContextdCLITests", dependencies: ["ContextTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "ContextServiceTests",
            dependencies: [
                "ContextService", "ContextPipeline", "ContextIngest", "ContextModel", "ContextTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict),
    ]
)
