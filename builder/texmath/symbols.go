package texmath

// greek maps the Greek letter commands to their letters. Lower-case
// letters are italic in maths, capitals upright, as TeX sets them.
var greek = map[string]string{
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ",
	"varepsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ",
	"iota": "ι", "kappa": "κ", "varkappa": "ϰ", "lambda": "λ", "mu": "μ", "nu": "ν",
	"xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ",
	"sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
	"varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
	"Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
	"Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}

// letterlike maps commands for letters that are not Greek to their
// characters; they are identifiers, upright.
var letterlike = map[string]string{
	"hbar": "ℏ", "ell": "ℓ", "Re": "ℜ", "Im": "ℑ", "wp": "℘", "aleph": "ℵ", "imath": "ı", "jmath": "ȷ",
}

// symbol is a command's character and class.
type symbol struct {
	text  string
	class Class
}

// symbols maps the commands for symbols to their characters and classes.
var symbols = map[string]symbol{
	// Relations.
	"le": {"≤", Rel}, "leq": {"≤", Rel}, "ge": {"≥", Rel}, "geq": {"≥", Rel},
	"leqslant": {"⩽", Rel}, "geqslant": {"⩾", Rel},
	"ne": {"≠", Rel}, "neq": {"≠", Rel}, "approx": {"≈", Rel}, "equiv": {"≡", Rel},
	"sim": {"∼", Rel}, "simeq": {"≃", Rel}, "cong": {"≅", Rel}, "propto": {"∝", Rel},
	"ll": {"≪", Rel}, "gg": {"≫", Rel}, "in": {"∈", Rel}, "notin": {"∉", Rel}, "ni": {"∋", Rel},
	"subset": {"⊂", Rel}, "subseteq": {"⊆", Rel}, "supset": {"⊃", Rel}, "supseteq": {"⊇", Rel},
	"perp": {"⊥", Rel}, "parallel": {"∥", Rel}, "mid": {"∣", Rel}, "doteq": {"≐", Rel},
	"coloneqq": {"≔", Rel}, "prec": {"≺", Rel}, "succ": {"≻", Rel}, "vdash": {"⊢", Rel},
	// Arrows.
	"to": {"→", Rel}, "rightarrow": {"→", Rel}, "leftarrow": {"←", Rel}, "gets": {"←", Rel},
	"leftrightarrow": {"↔", Rel}, "Rightarrow": {"⇒", Rel}, "Leftarrow": {"⇐", Rel},
	"Leftrightarrow": {"⇔", Rel}, "implies": {"⟹", Rel}, "impliedby": {"⟸", Rel}, "iff": {"⟺", Rel},
	"longrightarrow": {"⟶", Rel}, "longleftarrow": {"⟵", Rel}, "Longrightarrow": {"⟹", Rel},
	"mapsto": {"↦", Rel}, "uparrow": {"↑", Rel}, "downarrow": {"↓", Rel},
	"Uparrow": {"⇑", Rel}, "Downarrow": {"⇓", Rel}, "updownarrow": {"↕", Rel},
	"nearrow": {"↗", Rel}, "searrow": {"↘", Rel}, "rightleftharpoons": {"⇌", Rel},
	// Binary operators.
	"pm": {"±", Bin}, "mp": {"∓", Bin}, "times": {"×", Bin}, "cdot": {"⋅", Bin}, "div": {"÷", Bin},
	"ast": {"∗", Bin}, "star": {"⋆", Bin}, "circ": {"∘", Bin}, "bullet": {"∙", Bin},
	"cup": {"∪", Bin}, "cap": {"∩", Bin}, "wedge": {"∧", Bin}, "land": {"∧", Bin},
	"vee": {"∨", Bin}, "lor": {"∨", Bin}, "setminus": {"∖", Bin}, "oplus": {"⊕", Bin},
	"otimes": {"⊗", Bin}, "odot": {"⊙", Bin}, "cdotp": {"⋅", Punct},
	// Ordinary symbols.
	"infty": {"∞", Ord}, "partial": {"∂", Ord}, "nabla": {"∇", Ord}, "degree": {"°", Ord},
	"emptyset": {"∅", Ord}, "varnothing": {"∅", Ord}, "forall": {"∀", Ord}, "exists": {"∃", Ord},
	"neg": {"¬", Ord}, "lnot": {"¬", Ord}, "angle": {"∠", Ord}, "triangle": {"△", Ord},
	"prime": {"′", Ord}, "ldots": {"…", Ord}, "dots": {"…", Ord}, "cdots": {"⋯", Ord},
	"vdots": {"⋮", Ord}, "ddots": {"⋱", Ord}, "therefore": {"∴", Rel}, "because": {"∵", Rel},
	"top": {"⊤", Ord}, "bot": {"⊥", Ord}, "square": {"□", Ord}, "Box": {"□", Ord},
	"checkmark": {"✓", Ord}, "dagger": {"†", Bin}, "S": {"§", Ord}, "P": {"¶", Ord},
	"colon": {":", Punct}, "surd": {"√", Ord}, "flat": {"♭", Ord}, "sharp": {"♯", Ord},
	"backslash": {"∖", Ord},
	// Delimiters used on their own.
	"langle": {"⟨", Open}, "rangle": {"⟩", Close}, "lvert": {"|", Open}, "rvert": {"|", Close},
	"lVert": {"‖", Open}, "rVert": {"‖", Close}, "vert": {"|", Ord}, "Vert": {"‖", Ord},
	"lfloor": {"⌊", Open}, "rfloor": {"⌋", Close}, "lceil": {"⌈", Open}, "rceil": {"⌉", Close},
	"lbrace": {"{", Open}, "rbrace": {"}", Close}, "lbrack": {"[", Open}, "rbrack": {"]", Close},
}

// escapes maps the one-character commands that stand for a character.
var escapes = map[byte]symbol{
	'{': {"{", Open}, '}': {"}", Close}, '|': {"‖", Ord}, '%': {"%", Ord}, '$': {"$", Ord},
	'#': {"#", Ord}, '&': {"&", Ord}, '_': {"_", Ord},
}

// spaces maps the spacing commands to their widths in ems.
var spaces = map[string]float64{
	",": 3.0 / 18, ":": 4.0 / 18, ">": 4.0 / 18, ";": 5.0 / 18, "!": -3.0 / 18, " ": 1.0 / 3,
	"quad": 1, "qquad": 2, "thinspace": 3.0 / 18, "medspace": 4.0 / 18, "thickspace": 5.0 / 18,
	"enspace": 0.5, "negthinspace": -3.0 / 18,
}

// op is a large operator's character and whether its limits go below
// and above it.
type op struct {
	text   string
	limits bool
}

// largeOps maps the large operators to their characters.
var largeOps = map[string]op{
	"sum": {"∑", true}, "prod": {"∏", true}, "coprod": {"∐", true},
	"bigcup": {"⋃", true}, "bigcap": {"⋂", true}, "bigoplus": {"⨁", true}, "bigotimes": {"⨂", true},
	"int": {"∫", false}, "iint": {"∬", false}, "iiint": {"∭", false},
	"oint": {"∮", false}, "oiint": {"∯", false},
}

// opNames lists the operator names and whether their limits go below
// them (lim, max) or to the side (sin, log).
var opNames = map[string]bool{
	"sin": false, "cos": false, "tan": false, "cot": false, "sec": false, "csc": false,
	"arcsin": false, "arccos": false, "arctan": false, "sinh": false, "cosh": false,
	"tanh": false, "coth": false, "log": false, "ln": false, "lg": false, "exp": false,
	"deg": false, "dim": false, "ker": false, "arg": false, "hom": false,
	"lim": true, "liminf": true, "limsup": true, "min": true, "max": true, "sup": true,
	"inf": true, "det": true, "gcd": true, "Pr": true, "argmax": true, "argmin": true,
}

// accents maps the accent commands to their kinds.
var accents = map[string]AccentKind{
	"hat": AccentHat, "widehat": AccentHat, "bar": AccentBar, "overline": AccentBar,
	"vec": AccentVec, "overrightarrow": AccentVec, "dot": AccentDot, "ddot": AccentDDot,
	"tilde": AccentTilde, "widetilde": AccentTilde,
}

// fonts maps the font commands of maths to their variants.
var fonts = map[string]Variant{
	"mathrm": VariantNormal, "mathit": VariantItalic, "mathbf": VariantBold,
	"boldsymbol": VariantBoldItalic, "bm": VariantBoldItalic,
	"mathbb": VariantDoubleStruck, "mathcal": VariantScript, "mathscr": VariantScript,
	"mathfrak": VariantFraktur, "mathsf": VariantSansSerif, "mathtt": VariantMonospace,
}

// textCommands are the commands whose argument is text.
var textCommands = map[string]Variant{
	"text": VariantNormal, "mbox": VariantNormal, "textrm": VariantNormal,
	"textbf": VariantBold, "textit": VariantItalic, "mathnormal": VariantAuto,
}

// fences maps what may follow \left, \middle and \right to the delimiter
// it draws; "." draws nothing.
var fences = map[string]string{
	"(": "(", ")": ")", "[": "[", "]": "]", "|": "|", "/": "/", ".": "", "<": "⟨", ">": "⟩",
	`\{`: "{", `\}`: "}", `\|`: "‖", `\lbrace`: "{", `\rbrace`: "}", `\langle`: "⟨", `\rangle`: "⟩",
	`\vert`: "|", `\Vert`: "‖", `\lvert`: "|", `\rvert`: "|", `\lVert`: "‖", `\rVert`: "‖",
	`\lfloor`: "⌊", `\rfloor`: "⌋", `\lceil`: "⌈", `\rceil`: "⌉", `\lbrack`: "[", `\rbrack`: "]",
	`\backslash`: "∖", `\uparrow`: "↑", `\downarrow`: "↓", `\updownarrow`: "↕",
}

// environments maps the environments to the kinds of table they make.
var environments = map[string]TableKind{
	"matrix": Matrix, "pmatrix": PMatrix, "bmatrix": BMatrix, "Bmatrix": BBMatrix,
	"vmatrix": VMatrix, "Vmatrix": VVMatrix, "cases": Cases, "aligned": Aligned,
	"smallmatrix": Matrix,
}

// asciiSymbols maps the characters of the keyboard that are symbols in
// maths to what they draw and their class.
var asciiSymbols = map[byte]symbol{
	'+': {"+", Bin}, '-': {"−", Bin}, '*': {"∗", Bin}, '/': {"/", Ord},
	'=': {"=", Rel}, '<': {"<", Rel}, '>': {">", Rel}, ':': {":", Rel},
	'(': {"(", Open}, '[': {"[", Open}, ')': {")", Close}, ']': {"]", Close},
	'!': {"!", Close}, '?': {"?", Close}, ',': {",", Punct}, ';': {";", Punct},
	'|': {"|", Ord}, '.': {".", Ord}, '@': {"@", Ord}, '"': {"\"", Ord}, '%': {"%", Ord},
}
