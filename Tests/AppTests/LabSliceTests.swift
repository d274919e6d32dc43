@testable import App
import Testing

/// The lab's slices: whole screen updates that fit in a slice, or part of one that does not.
struct LabSliceTests {
    @Test func slicesAreWholeUpdatesThatFit() {
        #expect(LabHook.sliceSteps(fitting: 2000, update: 100) == 2000)
        #expect(LabHook.sliceSteps(fitting: 2050, update: 100) == 2000)
        #expect(LabHook.sliceSteps(fitting: 150, update: 100) == 100)
        #expect(LabHook.sliceSteps(fitting: 7, update: 1) == 7)
    }

    @Test func anUpdateLongerThanASliceIsCutAtTheSlice() {
        #expect(LabHook.sliceSteps(fitting: 40, update: 100) == 40)
        #expect(LabHook.sliceSteps(fitting: 0, update: 1000) == 1)
    }

    /// Frames while training runs: every `frameSeconds`, or rarer when a frame costs more than
    /// `frameShare` of the time.
    @Test func framesArePaced() {
        #expect(LabHook.frameDue(since: nil))
        #expect(!LabHook.frameDue(since: (seconds: 0.05, cost: 0.002)))
        #expect(LabHook.frameDue(since: (seconds: 0.1, cost: 0.002)))
        // a frame of 20 ms: at most one per 0.4 s
        #expect(!LabHook.frameDue(since: (seconds: 0.3, cost: 0.02)))
        #expect(LabHook.frameDue(since: (seconds: 0.38, cost: 0.02)))
    }
}
