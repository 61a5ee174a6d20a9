package pdf

// mmPerPt converts type sizes in points to millimetres, the unit of every
// length on the page.
const mmPerPt = 25.4 / 72

// rgb is a colour written as 0xRRGGBB.
type rgb uint32

// components returns the red, green and blue parts, from 0 to 255.
func (c rgb) components() (r, g, b int) {
	return int(c >> 16 & 0xFF), int(c >> 8 & 0xFF), int(c & 0xFF)
}

// The palette: black text, a dark blue for headings and links, greys for
// rules, the running head and backgrounds. Everything reads well when
// printed in greyscale.
const (
	colorText      rgb = 0x000000
	colorHeading   rgb = 0x183458
	colorLink      rgb = 0x164A8C
	colorMuted     rgb = 0x606060
	colorQuote     rgb = 0x383838
	colorRule      rgb = 0x969696
	colorHeadRule  rgb = 0x464646
	colorCodeBg    rgb = 0xF1F1F1
	colorZebra     rgb = 0xF4F5F7
	colorQuoteBar  rgb = 0xAAB0BA
	colorMissing   rgb = 0x787878
	colorTOCLeader rgb = 0x8C8C8C
)

// Proportions that are not in the layout file, all relative to the body
// size or the body line height so that every layout keeps its rhythm.
const (
	// baselineRatio places a line's baseline below the top of its box:
	// half the line height plus this share of the type size, which centres
	// capitals and lower-case letters in the line.
	baselineRatio = 0.36

	parSkip      = 0.55 // space between paragraphs, in body lines
	tightSkip    = 0.12 // space between tight list items, in body lines
	supRatio     = 0.68 // size of superscript footnote numbers
	supRise      = 0.36 // their rise, as a share of the type size
	notesCap     = 0.4  // most of the text block footnotes may take
	imageMaxPart = 0.5  // most of the text block height an image may take
	imageDPI     = 150  // resolution an image is shown at when it is small

	// displaySkip is the space above and below a displayed formula, in
	// lines of its frame.
	displaySkip = 0.5
	// mathClearance is the least space, as a share of the type size,
	// between a formula in a line and the lines above and below.
	mathClearance = 0.06
	// minDisplayShrink is the least share of its size a displayed formula
	// too wide for its frame is set at.
	minDisplayShrink = 0.6
	// displayMaxPart is the most of the text block's height a displayed
	// formula may take.
	displayMaxPart = 0.9
)

// pt converts points to millimetres.
func pt(size float64) float64 { return size * mmPerPt }
