import Foundation
import TextGrid

/// A lesson as one self-contained HTML page: every frame drawn cell by cell in the explorer's
/// colours, the slide text beside it as real text, arrow keys and buttons to move, and a print
/// style sheet that puts one slide on a page. No network: no fonts, scripts or images from elsewhere.
///
/// The grid is exact: a row is one line of fixed height; ASCII text runs in a monospace font
/// (one `ch` a cell); every other character sits in its own box one or two `ch` wide, so wide
/// characters take two cells and a fallback font cannot shift the columns.
public enum HTMLPage {
    /// The page for `frames` (in the order the arrow keys walk them), titled `title`, in `lang` (`en`, `zh`).
    public static func make(title: String, lang: String, frames: [ExportFrame], theme: Theme = .standard) -> String {
        var classes: [CellLook: Int] = [:]
        var bodies: [String] = []
        for (i, frame) in frames.enumerated() {
            bodies.append(section(frame, index: i, first: i == 0 || frames[i - 1].slide != frame.slide,
                                  classes: &classes, theme: theme))
        }
        let styles = classes.sorted { $0.value < $1.value }.map { look, n in
            var css = ".c\(n){color:\(look.foreground);background:\(look.background)"
            if look.bold { css += ";font-weight:bold" }
            if look.underline { css += ";text-decoration:underline" }
            return css + "}"
        }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="\(Markup.escape(lang))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Markup.escape(title))</title>
        <style>
        \(css)
        \(styles)
        </style>
        </head>
        <body>
        <nav><button id="prev-slide" title="previous slide (↑, PgUp, p)">« slide</button><button id="prev" title="previous step (←)">◀ step</button><span id="where"></span><button id="next" title="next step (→)">step ▶</button><button id="next-slide" title="next slide (↓, PgDn, n)">slide »</button></nav>
        <main>
        \(bodies.joined(separator: "\n"))
        </main>
        <script>
        \(script)
        </script>
        </body>
        </html>

        """
    }

    static func section(_ frame: ExportFrame, index: Int, first: Bool, classes: inout [CellLook: Int], theme: Theme) -> String {
        let grid = frame.grid
        var rows: [String] = []
        rows.reserveCapacity(grid.height)
        for y in 0..<grid.height {
            rows.append("<div class=\"r\">" + row(grid, y, classes: &classes, theme: theme) + "</div>")
        }
        let slide = frame.slide.map { " data-slide=\"\($0)\"" } ?? " data-slide=\"0\""
        let paragraphs = frame.text.components(separatedBy: "\n\n")
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            .map { "<p>" + Markup.escape($0).replacingOccurrences(of: "\n", with: "<br>") + "</p>" }
            .joined()
        return """
        <section class="frame\(first ? " first" : "")" id="f\(index + 1)"\(slide) data-label="\(Markup.escape(frame.label))">\
        <div class="grid" data-cols="\(grid.width)" data-rows="\(grid.height)">\(rows.joined())</div>\
        <div class="say"><h2>\(Markup.escape(frame.label))</h2>\(paragraphs)</div></section>
        """
    }

    /// One row: runs of one look; ASCII as text, other characters each in a box of their width.
    static func row(_ grid: Grid, _ y: Int, classes: inout [CellLook: Int], theme: Theme) -> String {
        var out = ""
        var open: CellLook?
        for x in 0..<grid.width {
            let cell = grid[x, y]
            if cell.isContinuation { continue }
            let look = CellLook(cell.style, theme: theme)
            if look != open {
                if open != nil { out += "</span>" }
                let n = classes[look] ?? classes.count
                classes[look] = n
                out += "<span class=\"c\(n)\">"
                open = look
            }
            let ascii = cell.text.unicodeScalars.allSatisfy { $0.value < 0x7F } && cell.width == 1
            if ascii {
                out += Markup.escape(cell.text)
            } else {
                out += "<i class=\"w\(max(cell.width, 1))\">\(Markup.escape(cell.text))</i>"
            }
        }
        if open != nil { out += "</span>" }
        return out
    }

    static let css = """
    :root{--rh:18px}
    html,body{margin:0;background:\(XtermPalette.defaultBackground);color:\(XtermPalette.defaultForeground)}
    body{font-family:"DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace;font-size:15px}
    nav{display:flex;gap:8px;align-items:center;padding:6px 8px;font-family:sans-serif;font-size:14px}
    nav button{font:inherit;padding:2px 10px}
    #where{min-width:18em;text-align:center}
    main{padding:0 8px 8px}
    section.frame{display:none;gap:16px;align-items:flex-start}
    section.frame.on{display:flex}
    .grid{display:inline-block;flex:none;white-space:pre;line-height:var(--rh)}
    .r{height:var(--rh);overflow:hidden}
    .r span{display:inline-block;vertical-align:top;height:var(--rh)}
    .r i{display:inline-block;vertical-align:top;font-style:normal;overflow:hidden;text-align:center}
    .r i.w1{width:1ch}
    .r i.w2{width:2ch}
    .say{font-family:sans-serif;font-size:16px;line-height:1.45;max-width:32em}
    .say h2{font-size:13px;font-weight:normal;opacity:.7;margin:0 0 8px}
    .say p{margin:0 0 10px}
    @media print{
    html,body{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    nav{display:none}
    section.frame,section.frame.on{display:none}
    section.frame.first{display:flex;break-after:page;page-break-after:always}
    }
    """

    /// Keys: → ← step, ↓ ↑ (PgDn PgUp, n p) slide, Home End. The hash `#frame=N` opens frame N
    /// (1-based) and `#keys=ArrowRight,ArrowRight` presses keys after loading, through the
    /// same handler a person's keys reach (how the browser test drives the page without a
    /// debugging connection). After each move `body[data-metrics]` holds the shown grid's
    /// left, top, cell width and row height in pixels.
    static let script = """
    (function(){
    var frames=Array.prototype.slice.call(document.querySelectorAll('section.frame'));
    var cur=0;
    function slideOf(i){return frames[i].getAttribute('data-slide');}
    function measure(){
      var g=frames[cur].querySelector('.grid'),r=g.getBoundingClientRect();
      var cols=+g.getAttribute('data-cols'),rows=+g.getAttribute('data-rows');
      document.body.setAttribute('data-metrics',[r.left+window.scrollX,r.top+window.scrollY,r.width/cols,r.height/rows].join(' '));
      document.body.setAttribute('data-frame',String(cur+1));
    }
    function show(i){
      if(!frames.length)return;
      i=Math.max(0,Math.min(frames.length-1,i));
      frames[cur].classList.remove('on');cur=i;frames[cur].classList.add('on');
      document.getElementById('where').textContent=frames[cur].getAttribute('data-label')+'  ('+(cur+1)+' / '+frames.length+')';
      measure();
    }
    function firstOf(i){while(i>0&&slideOf(i-1)===slideOf(i))i--;return i;}
    function slide(d){
      if(d>0){for(var i=cur+1;i<frames.length;i++)if(slideOf(i)!==slideOf(cur))return show(i);return show(frames.length-1);}
      var s=firstOf(cur);if(s===0)return show(0);show(firstOf(s-1));
    }
    function key(k){
      switch(k){
      case 'ArrowRight':case 'l':show(cur+1);return true;
      case 'ArrowLeft':case 'h':show(cur-1);return true;
      case 'ArrowDown':case 'PageDown':case 'n':slide(1);return true;
      case 'ArrowUp':case 'PageUp':case 'p':slide(-1);return true;
      case 'Home':show(0);return true;
      case 'End':show(frames.length-1);return true;
      }
      return false;
    }
    document.addEventListener('keydown',function(e){if(key(e.key))e.preventDefault();});
    document.getElementById('prev').onclick=function(){show(cur-1);};
    document.getElementById('next').onclick=function(){show(cur+1);};
    document.getElementById('prev-slide').onclick=function(){slide(-1);};
    document.getElementById('next-slide').onclick=function(){slide(1);};
    var start=0,keys=[];
    location.hash.replace(/^#/,'').split('&').forEach(function(p){
      var kv=p.split('=');
      if(kv[0]==='frame')start=(+kv[1]||1)-1;
      if(kv[0]==='keys'&&kv[1])keys=decodeURIComponent(kv[1]).split(',');
    });
    show(start);
    keys.forEach(function(k){document.dispatchEvent(new KeyboardEvent('keydown',{key:k,bubbles:true}));});
    })();
    """
}
