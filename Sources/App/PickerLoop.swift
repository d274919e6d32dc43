import Explorer
import Frames
import Terminal

/// The picker's loop: the chosen entry, or nil when the student quits.
public enum PickerLoop {
    public static func run(_ picker: inout PickerState, on console: Console) -> Int? {
        while true {
            console.draw(PickerRenderer.render(picker, size: console.size))
            let event = console.nextEvent(timeoutMs: -1)
            guard let key = KeyRouting.key(for: event, screenFits: FrameRenderer.fits(console.size)),
                  let action = PickerState.action(for: key) else { continue }
            picker.update(action)
            if picker.quit { return nil }
            if let c = picker.chosen { return c }
        }
    }
}
