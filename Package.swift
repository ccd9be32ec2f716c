// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "maturity",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "maturity", targets: ["maturity"]),
        .library(name: "MaturityQuestionnaire", targets: ["MaturityQuestionnaire"]),
        .library(name: "MaturityScoring", targets: ["MaturityScoring"]),
        .library(name: "MaturityRoadmap", targets: ["MaturityRoadmap"]),
        .library(name: "MaturityStore", targets: ["MaturityStore"]),
        .library(name: "MaturityInterview", targets: ["MaturityInterview"]),
        .library(name: "MaturityReport", targets: ["MaturityReport"]),
        .library(name: "MaturityImport", targets: ["MaturityImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "MaturityQuestionnaire",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "MaturityScoring", dependencies: ["MaturityQuestionnaire"]),
        .target(name: "MaturityRoadmap", dependencies: ["MaturityQuestionnaire", "MaturityScoring"]),
        .target(name: "MaturityInterview", dependencies: ["MaturityQuestionnaire", "MaturityScoring"]),
        .target(
            name: "MaturityReport",
            dependencies: [
                "MaturityQuestionnaire", "MaturityScoring", "MaturityRoadmap",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "MaturityImport",
            dependencies: [
                "MaturityQuestionnaire", "MaturityScoring",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                // Excel workbooks (.xlsx, e.g. Microsoft Forms) are ZIP archives of XML parts.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "MaturityStore",
            dependencies: [
                "MaturityQuestionnaire", "MaturityScoring", "MaturityRoadmap",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the batch writer's hot loop (RawStatement).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "maturity",
            dependencies: [
                "MaturityQuestionnaire",
                "MaturityScoring",
                "MaturityRoadmap",
                "MaturityStore",
                "MaturityInterview",
                "MaturityReport",
                "MaturityImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc instead of glibc's malloc (see docs/batch-import.md, "The allocator"):
            // a batch allocates on the scoring threads and frees on the writing one, and glibc's
            // per-thread arenas made them wait for each other's locks.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .target(
            name: "MaturityTestSupport",
            dependencies: ["MaturityQuestionnaire", "MaturityScoring", "MaturityRoadmap"],
            path: "Tests/MaturityTestSupport"
        ),
        .testTarget(
            name: "MaturityQuestionnaireTests",
            dependencies: ["MaturityQuestionnaire", "MaturityTestSupport"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "MaturityScoringTests",
            dependencies: ["MaturityScoring", "MaturityTestSupport"]
        ),
        .testTarget(
            name: "MaturityRoadmapTests",
            dependencies: ["MaturityRoadmap", "MaturityTestSupport"]
        ),
        .testTarget(
            name: "MaturityInterviewTests",
            dependencies: ["MaturityInterview", "MaturityTestSupport"]
        ),
        .testTarget(
            name: "MaturityReportTests",
            dependencies: ["MaturityReport", "MaturityTestSupport", .product(name: "Ink", package: "Ink")]
        ),
        .testTarget(
            name: "MaturityImportTests",
            dependencies: ["MaturityImport", "MaturityTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "MaturityStoreTests",
            dependencies: ["MaturityStore", "MaturityTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "maturityTests",
            dependencies: ["maturity", "MaturityTestSupport", "MaturityStore", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Golden", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
