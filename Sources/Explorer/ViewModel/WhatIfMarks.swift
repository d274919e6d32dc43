import RNNCore

/// The edits that make the numbers on screen differ from the lesson's as written, for the
/// header's `what if` marker and the `✎` marks on the changed entries.
extension ExplorerState {
    /// The what-if on screen: `unroll render --set` (or explore's), then the slide's `set:` on top.
    var whatIfEdits: NetworkEdits { lesson.modifications.merging(currentSlide?.edits ?? NetworkEdits()) }

    /// Every edit behind the numbers on screen: the what-if, then the student's nudges on top.
    var markedEdits: NetworkEdits { whatIfEdits.merging(student.edits) }
}
