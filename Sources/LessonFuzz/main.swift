// The fuzz target for the lesson loader (issue 15, "Proof"): libFuzzer feeds bytes, the loader
// reads them as a lesson file, exactly as `unroll check` does (decode, YAML, validation, every
// check proved, the problems rendered). Any crash, trap or hang is a bug.
//
// Built and run by `.ci/fuzz` (swift build --sanitize=fuzzer, -parse-as-library, so libFuzzer
// provides main); a plain `swift build` makes an executable that does nothing.
import Lessons

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLessonLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = LessonLoader.checkBytes(bytes).rendered
    return 0
}
