// swift-tools-version:6.0
import PackageDescription

// Rooms (see README "How the code is laid out"): arrows point one way.
// RNNCore ◄── Lessons ◄── Explorer ◄── Frames ──► TextGrid ◄── Terminal
// App (event loops) uses Explorer, Frames and Terminal; unroll (the CLI) parses arguments and calls App.
let package = Package(
    name: "Unroll",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "unroll", targets: ["unroll"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // How text is written and measured: the one number formatter and the one display-width
        // table. No dependencies; TextGrid, Lessons, Explorer and Frames use it.
        .target(name: "TextBasics"),
        // The dense kernels in C, compiled for baseline, AVX2+FMA and AVX-512 and chosen at run time.
        // Always optimised, so debug builds and the tests run the same machine code as a release.
        .target(name: "CKernels", exclude: ["kernels_body.h", "kernels_gemm.h", "kernels_split.h"], cSettings: [.unsafeFlags(["-O2"])]),
        // Pure maths: matrices, the RNN cell, forward, BPTT, the trace. Foundation and CKernels only.
        .target(name: "RNNCore", dependencies: ["CKernels"]),
        // numpy's .npy and .npz (zip, through ZIPFoundation): arrays in and out. Foundation only.
        .target(name: "Numpy", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The lesson file format: decode, validate with file:line:column marks, checks.
        .target(name: "Lessons", dependencies: ["RNNCore", "Numpy", "TextBasics", .product(name: "Yams", package: "Yams")]),
        // The app's state and rules: cursor, actions, update, view model. No terminal.
        .target(name: "Explorer", dependencies: ["RNNCore", "Lessons", "TextBasics"]),
        // Cells, widgets, themes, plain and ANSI text. Knows nothing of RNNs.
        .target(name: "TextGrid", dependencies: ["TextBasics"]),
        // Lays the explorer's view model out on a grid: the frame a student sees.
        .target(name: "Frames", dependencies: ["RNNCore", "Lessons", "Explorer", "TextGrid", "TextBasics"]),
        // ncurses: the only room that imports curses.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "Terminal", dependencies: ["CNcursesw", "TextGrid"]),
        // Other backends for a grid: self-contained HTML, SVG, asciicast v2. Cells and colours, not RNNs.
        .target(name: "Export", dependencies: ["TextGrid", "TextBasics"]),
        // The event loops (explorer, picker) and their hooks: draws frames on a Console, turns
        // keys, ticks and background work into actions. The CLI only parses arguments.
        .target(name: "App", dependencies: ["Explorer", "Frames", "Terminal", "Lessons", "TextGrid"]),
        .executableTarget(
            name: "unroll",
            dependencies: [
                "RNNCore", "Lessons", "Explorer", "TextGrid", "Frames", "Terminal", "Export", "App", "Numpy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The loader's fuzz target (libFuzzer): built and run by .ci/fuzz.
        .executableTarget(name: "LessonFuzz", dependencies: ["Lessons"]),
        .testTarget(name: "RNNCoreTests", dependencies: ["RNNCore"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "RNNCore"]),
        .testTarget(name: "ExplorerTests", dependencies: ["Explorer", "Lessons", "RNNCore"]),
        .testTarget(name: "TextGridTests", dependencies: ["TextGrid", "TextBasics"]),
        .testTarget(name: "TextBasicsTests", dependencies: ["TextBasics"]),
        .testTarget(name: "NumpyTests", dependencies: ["Numpy"], exclude: ["Fixtures"]),
        .testTarget(name: "AppTests", dependencies: ["App", "Explorer", "Frames", "Terminal", "Lessons", "RNNCore", "TextGrid"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "Frames", "Explorer", "Lessons", "TextGrid", "TextBasics",
                                                        .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "FramesTests", dependencies: ["Frames", "Explorer", "Lessons", "RNNCore", "TextGrid", "TextBasics"],
                    exclude: ["Snapshots", "Fixtures"]),  // read by path: readable text files a reviewer diffs
    ],
    swiftLanguageModes: [.v6]
)
