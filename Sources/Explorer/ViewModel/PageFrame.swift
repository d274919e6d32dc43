import Lessons

/// The frame for a page that takes no keys (`unroll export`: HTML, SVG, text): a typed
/// question without its answer box (`answer: ▏`) and without the box's key hints ("0-9 ⌫ ↵
/// digits go to the answer box…"), which do nothing there; the question itself stays.
extension ExplorerState {
    public func pageViewModel() -> ViewModel {
        var vm = viewModel()
        guard typedPending, vm.lesson?.typed != nil else { return vm }
        vm.lesson?.typed = nil
        vm.footer = browseFooter
        return vm
    }
}
