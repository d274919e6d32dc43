// TextGrid
