import Lessons
import RNNCore

/// The lesson's story as a class walks it, for exports and recordings: each slide opened in
/// turn (at its step, with its focus); with `steps`, also every step of the story after a
/// slide up to the step where the next slide opens (and to the end after the last slide).
/// A next slide without `at` opens where the last one left the cursor, so no steps come
/// between them. A lesson without slides walks its story with every number shown.
extension ExplorerState {
    public struct WalkStop: Sendable {
        /// The open slide (0-based), nil without slides.
        public var slide: Int?
        /// The state showing this stop: call `viewModel()`.
        public var state: ExplorerState
    }

    /// The stops of the walk, in order, from a state as it was made (`ExplorerState(lesson:…)`).
    public func walk(steps: Bool) -> [WalkStop] {
        var s = self
        s.inspect = nil
        s.helpOpen = false
        s.status = nil
        guard !lesson.script.isEmpty else {
            s.revealAll()
            s.go(to: 0)
            var stops = [WalkStop(slide: nil, state: s)]
            guard steps else { return stops }
            for i in 1..<story.count {
                s.go(to: i)
                stops.append(WalkStop(slide: nil, state: s))
            }
            return stops
        }
        var stops: [WalkStop] = []
        for i in lesson.script.indices {
            s.openSlide(i)
            s.status = nil
            stops.append(WalkStop(slide: i, state: s))
            guard steps else { continue }
            let next = i + 1 < lesson.script.count ? lesson.script[i + 1] : nil
            let until: Int
            if let next {
                guard let at = next.at, let target = story.firstIndex(of: at) else { continue }
                until = target
            } else {
                until = story.count
            }
            while s.storyIndex + 1 < until {
                s.go(to: s.storyIndex + 1)
                stops.append(WalkStop(slide: i, state: s))
            }
        }
        return stops
    }
}
