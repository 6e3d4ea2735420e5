"""Generate the PDF fixtures in tests/fixtures/pdf/ (one per reader behaviour).

Run from the repository root:  python scripts/make_test_pdfs.py [OUTDIR]

Needs reportlab and Pillow, and the DejaVu TrueType fonts (for ligature and
Swedish glyphs; path configurable with RADSDOK_FONT_DIR). All texts are written
here; none is taken from a real document.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib import colors, pdfencrypt
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

FONT_DIR = Path(os.environ.get("RADSDOK_FONT_DIR", "/usr/share/fonts/truetype/dejavu"))
REGULAR, BOLD = "DejaVuSerif", "DejaVuSerif-Bold"
WIDTH, HEIGHT = A4
LEFT, RIGHT = 72.0, WIDTH - 72.0
SIZE, LEADING = 10.5, 14.0

# ---------------------------------------------------------------------------
# drawing helpers
# ---------------------------------------------------------------------------


def register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONT_DIR / "DejaVuSerif.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSerif-Bold.ttf")))


def canvas(path: Path, **kwargs: object) -> Canvas:
    c = Canvas(str(path), pagesize=A4, invariant=1, **kwargs)
    c.setTitle(path.stem)
    return c


def justified(
    c: Canvas, text: str, x: float, y: float, width: float, font: str = REGULAR, size: float = SIZE
) -> None:
    """Draw one line with its words spread to fill `width` (word by word)."""
    words = text.split()
    natural = sum(c.stringWidth(w, font, size) for w in words)
    gap = (width - natural) / max(len(words) - 1, 1)
    if not 0.2 * size <= gap <= 1.5 * size:
        raise ValueError(f"cannot justify {text!r} to {width:.0f}pt (word gap {gap:.1f}pt)")
    c.setFont(font, size)
    for word in words:
        c.drawString(x, y, word)
        x += c.stringWidth(word, font, size) + gap


def paragraph(
    c: Canvas,
    lines: list[str],
    y: float,
    x: float = LEFT,
    width: float = RIGHT - LEFT,
    font: str = REGULAR,
    size: float = SIZE,
) -> float:
    """Justify all lines but the last; return the y below the paragraph."""
    for i, line in enumerate(lines):
        if i < len(lines) - 1:
            justified(c, line, x, y, width, font, size)
        else:
            c.setFont(font, size)
            c.drawString(x, y, line)
        y -= LEADING
    return y


def plain(
    c: Canvas, lines: list[str], y: float, x: float = LEFT, font: str = REGULAR, size: float = SIZE
) -> float:
    c.setFont(font, size)
    for line in lines:
        c.drawString(x, y, line)
        y -= LEADING
    return y


def heading(c: Canvas, text: str, y: float, size: float = 13.0) -> float:
    c.setFont(BOLD, size)
    c.drawString(LEFT, y, text)
    return y - 24


def running(c: Canvas, page: int, pages: int) -> None:
    """Header "Gävle kommun" + Dnr/date at right; footer "Sida N (M)"."""
    c.setFont(REGULAR, 8.5)
    c.drawString(LEFT, HEIGHT - 40, "Gävle kommun")
    c.drawRightString(RIGHT, HEIGHT - 40, "Dnr KS 2024/0117")
    c.drawRightString(RIGHT, HEIGHT - 51, "2024-03-12")
    c.drawRightString(RIGHT, 40, f"Sida {page} ({pages})")


# ---------------------------------------------------------------------------
# fixtures
# ---------------------------------------------------------------------------

PAGE_TEXTS = [
    [
        "Interpellation till kommunstyrelsens ordförande om busstrafiken",
        [
            "Under det senaste året har många resenärer hört av sig om inställda turer på",
            "busslinjerna mellan centrum och de norra stadsdelarna. Förseningarna drabbar",
            "särskilt dem som pendlar till arbete eller skola tidigt på morgonen.",
        ],
        [
            "Kommunen har ett ansvar för att kollektivtrafiken fungerar i hela kommunen och",
            "inte bara i de centrala delarna. Det handlar om att trygga den långsiktiga trafik-",
        ],
    ],
    [
        None,
        [
            "försörjningen för alla invånare, även de som saknar bil. Nattrafiken har dess-",
            "utom dragits ned två gånger utan att fullmäktige fått yttra sig om saken.",
        ],
        [
            "Resenärerna i ytterområdena har fått vänta allt längre på tydliga besked om nya",
            "hållplatser, och flera av de utlovade pendelparkeringarna har ännu inte byggts.",
            "Det är inte rimligt att de boende ska behöva ta bilen för att nå en buss.",
        ],
    ],
    [
        None,
        [
            "Mot den bakgrunden vill jag gärna ställa ett antal frågor till kommunstyrelsens",
            "ordförande om hur trafiken ska utvecklas under de kommande åren.",
        ],
        [
            "Jag vill därför fråga kommunstyrelsens ordförande:",
        ],
    ],
]


def running_header_footer(path: Path) -> None:
    """Three pages, running header and "Sida N (3)" footer; a word hyphenated
    across the page break (trafik-/försörjningen)."""
    c = canvas(path)
    for number, (title, *paras) in enumerate(PAGE_TEXTS, start=1):
        running(c, number, len(PAGE_TEXTS))
        y = HEIGHT - 90
        if title:
            y = heading(c, title, y)
        for lines in paras:
            y = paragraph(c, lines, y) - 6
        if number == 3:
            y = plain(
                c,
                [
                    "1. Hur ska turtätheten på de norra linjerna förbättras?",
                    "2. När kommer nattrafiken att återinföras?",
                ],
                y,
            )
            plain(c, ["Anna Berg (S)"], y - 20)
        c.showPage()
    c.save()


def hyphenated_lines(path: Path) -> None:
    """Line-end hyphens: typesetting breaks and real hyphens; a soft hyphen."""
    c = canvas(path)
    y = heading(c, "Motion om service till invånarna", HEIGHT - 80)
    lines = [
        "Kommunstyrelsen har bland annat i uppdrag att bereda alla ärenden inför kommun-",
        "fullmäktige och att följa upp hur nämnderna arbetar. Synpunkter kan lämnas via e-",
        "post eller brev, och alla frågor om det framtida bostadsbyggandet i Stockholms-",
        "regionen besvaras av regionens kansli. Kommunen erbjuder i dag både råd-",
        "och stödinsatser till unga i alla kommundelar. Arbetet med att noga följa EU-",
        "kommissionens riktlinjer för tillgänglighet började i Sverige redan under 1990-",
        "talet och följs nu upp av e-post till alla som berörs av beslutet.",
    ]
    y = paragraph(c, lines, y) - 10
    c.setFont(REGULAR, SIZE)
    soft = "Beslutet om tillgänglighet och uppföljning fattas under våren av den nyvalda kommun\u00ad"
    justified(c, soft, LEFT, y, RIGHT - LEFT)
    plain(c, ["styrelsen i maj."], y - LEADING)
    c.save()


def paragraphs(path: Path) -> None:
    """A heading, two justified paragraphs split by a larger gap, a signature block."""
    c = canvas(path)
    y = heading(c, "Enkel fråga om gatubelysningen", HEIGHT - 80)
    y = (
        paragraph(
            c,
            [
                "Många invånare har under vintern påpekat att gatubelysningen längs gång- och",
                "cykelvägarna i Norrtull är släckt under stora delar av kvällen. Det skapar en",
                "otrygg miljö för både barn och äldre som rör sig i området efter mörkrets inbrott.",
            ],
            y,
        )
        - 10
    )
    y = (
        paragraph(
            c,
            [
                "Jag vill därför fråga ordföranden i tekniska nämnden när belysningen kommer att",
                "lagas och hur nämnden tänker förebygga liknande avbrott i framtiden?",
            ],
            y,
        )
        - 20
    )
    plain(c, ["Norrtull den 4 februari 2024", "Karin Holm (V)", "Ledamot i kommunfullmäktige"], y)
    c.save()


def list_items(path: Path) -> None:
    """Bullets, numbered questions and "att"-clauses: one item per line."""
    c = canvas(path)
    y = heading(c, "Motion om lekplatser", HEIGHT - 80)
    y = plain(c, ["Mot bakgrund av detta yrkar jag:"], y)
    y = (
        plain(
            c,
            [
                "att kommunen inventerar alla lekplatser i tätorterna;",
                "att en plan för upprustning tas fram under året;",
                "att barnen själva får lämna förslag.",
            ],
            y,
        )
        - 6
    )
    y = plain(c, ["Följande brister har rapporterats:"], y)
    y = plain(c, ["\u2022 trasiga gungor vid Parkskolan", "\u2022 sand som inte bytts på flera år"], y)
    c.setFont(REGULAR, SIZE)
    justified(
        c,
        "\u2022 belysning som saknas vid entrén till lekplatsen i Västra parken och även vid",
        LEFT,
        y,
        RIGHT - LEFT,
    )
    y = plain(c, ["cykelställen"], y - LEADING, x=LEFT + 8) - 6
    plain(c, ["1. Hur många lekplatser har besiktigats i år?", "2. Vilka åtgärder planeras för nästa år?"], y)
    c.save()


LEFT_COLUMN = (
    "Budgeten för nästa år bygger på att skattesatsen lämnas oförändrad och att "
    "nämnderna får ersättning för de höjda lönerna. Den största satsningen görs inom "
    "äldreomsorgen där fler undersköterskor ska anställas för att minska de "
    "ofrivilliga deltiderna. Ett antal mindre investeringar i idrottshallar skjuts "
    "upp till kommande år eftersom kostnaderna för material har stigit kraftigt. "
    "Förslaget till budget beslutas i juni."
)
RIGHT_COLUMN = (
    "Skolan i Sätra får en ny matsal som ska vara klar till höstterminen. Eleverna "
    "har varit med och valt möbler och färger, och köket byggs om så att maten kan "
    "lagas på plats i stället för att köras ut från ett centralkök. Rektorn räknar "
    "med att fler elever kommer att äta lunch när miljön blir lugnare och maten "
    "godare. Bygget betalas inom ramen för skolans egen investeringsbudget."
)


def wrap(text: str, width: float, font: str = REGULAR, size: float = SIZE) -> list[str]:
    """Greedy line breaking (no hyphenation)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and pdfmetrics.stringWidth(candidate, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line]


def two_columns(path: Path) -> None:
    """A full-width title over two justified columns."""
    c = canvas(path)
    c.setFont(BOLD, 15)
    c.drawString(LEFT, HEIGHT - 80, "Nyhetsbrev från kommunfullmäktige i Sandviken")
    gutter = 24.0
    col = (RIGHT - LEFT - gutter) / 2
    for x, text in ((LEFT, LEFT_COLUMN), (LEFT + col + gutter, RIGHT_COLUMN)):
        paragraph(c, wrap(text, col, size=9), HEIGHT - 120, x=x, width=col, size=9)
    c.save()


def table(path: Path) -> None:
    """A ruled table between two paragraphs."""
    c = canvas(path)
    y = heading(c, "Mandatfördelning i fullmäktige", HEIGHT - 80)
    y = (
        paragraph(
            c,
            [
                "Före tabellen: efter valet 2022 fördelades mandaten i kommunfullmäktige enligt",
                "tabellen nedan, som bygger på valmyndighetens slutliga sammanräkning.",
            ],
            y,
        )
        - 10
    )
    data = [
        ["Parti", "Mandat", "Andel"],
        ["Socialdemokraterna", "21", "35 %"],
        ["Moderaterna", "14", "23 %"],
        ["Centerpartiet", "6", "10 %"],
    ]
    t = Table(data, colWidths=[180, 80, 80])
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, SIZE),
                ("FONT", (0, 0), (-1, 0), BOLD, SIZE),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ]
        )
    )
    _, h = t.wrapOn(c, RIGHT - LEFT, 400)
    t.drawOn(c, LEFT, y - h + 8)
    paragraph(
        c,
        [
            "Efter tabellen: styret består av Socialdemokraterna och Centerpartiet, som nu",
            "tillsammans har en egen majoritet i fullmäktige under hela mandatperioden.",
        ],
        y - h - 14,
    )
    c.save()


def letterhead_dnr_block(path: Path) -> None:
    """Letterhead with a label/value block (Datum, Dnr, Handläggare) at right."""
    c = canvas(path)
    c.setFont(BOLD, 14)
    c.drawString(LEFT, HEIGHT - 60, "Sundsvalls kommun")
    c.setFont(REGULAR, 9)
    c.drawString(LEFT, HEIGHT - 74, "Kommunstyrelsen")
    for i, (label, value) in enumerate(
        [("Datum", "2024-03-12"), ("Dnr", "KS 2024/0117"), ("Handläggare", "Lars Ek")]
    ):
        c.drawString(340, HEIGHT - 60 - 14 * i, label)
        c.drawString(420, HEIGHT - 60 - 14 * i, value)
    y = heading(c, "Svar på interpellation om gång- och cykelvägar", HEIGHT - 130)
    paragraph(
        c,
        [
            "Kommunstyrelsens ordförande har fått en interpellation om underhållet av gång-",
            "och cykelvägar i kommunens ytterområden och lämnar härmed följande svar på",
            "de frågor som ställts i interpellationen.",
        ],
        y,
    )
    c.save()


def overprinted_bold(path: Path) -> None:
    """A heading drawn twice with a small offset (fake bold)."""
    c = canvas(path)
    c.setFont(REGULAR, 13)
    for dx in (0.0, 0.4):
        c.drawString(LEFT + dx, HEIGHT - 80, "Motion om cykelparkering")
    paragraph(c, ["Vid stationen saknas det i dag säkra platser för cyklar."], HEIGHT - 104)
    c.save()


def ligatures(path: Path) -> None:
    """Typographic ligatures (U+FB01, U+FB02) in the text layer."""
    c = canvas(path)
    plain(c, ["Kommunen ska \ufb01nansiera \ufb02era projekt inom kulturen."], HEIGHT - 80)
    c.save()


def scan_page(c: Canvas) -> None:
    img = Image.new("L", (400, 500), 255)
    draw = ImageDraw.Draw(img)
    for y in range(40, 460, 18):
        draw.rectangle([30, y, 370, y + 8], fill=0)
    c.drawImage(ImageReader(img), LEFT, 200, width=400, height=500)


def image_only_scan(path: Path) -> None:
    """One page that is only a raster image (a scan without OCR)."""
    c = canvas(path)
    scan_page(c)
    c.save()


def some_pages_image_only(path: Path) -> None:
    """Page 1 has text, page 2 is only an image."""
    c = canvas(path)
    plain(c, ["Protokollet justeras av ordföranden."], HEIGHT - 80)
    c.showPage()
    scan_page(c)
    c.save()


def encrypted(path: Path, user: str) -> None:
    enc = pdfencrypt.StandardEncryption(user, ownerPassword="ägarlösen", strength=128)
    c = canvas(path, encrypt=enc)
    plain(c, ["Detta dokument är skyddat med lösenord."], HEIGHT - 80)
    c.save()


def truncated(path: Path) -> None:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    for page in range(3):
        plain(c, [f"Sidan {page + 1} av ett dokument som kapats mitt i."], HEIGHT - 80)
        c.showPage()
    c.save()
    data = buf.getvalue()
    path.write_bytes(data[: len(data) // 2])


def bundle_three_interpellations(path: Path) -> None:
    """Three interpellations in one PDF, each opening with its own bold heading: the
    first on page 1, the second on pages 2-3 (split at a paragraph), the third on page 3.
    Running header on every page, "Sida N (3)" footer. Text: samples/bundles/."""
    pages: list[list[tuple[str, str | list[str]]]] = [
        [
            ("heading", "Interpellation om sommarjobb för unga"),
            ("lines", ["Till kommunstyrelsens ordförande Henrik Sjöberg (S)"]),
            (
                "text",
                "Förra sommaren fick drygt 600 ungdomar i Trollhättan ett sommarjobb genom kommunen. "
                "I år har antalet platser halverats, eftersom förvaltningarna ska spara och handledarna "
                "inte räcker till. För många unga är sommarjobbet den första kontakten med arbetslivet "
                "och en viktig referens när de senare söker arbete.",
            ),
            (
                "text",
                "Det är också ett av få sätt för kommunen att nå ungdomar som annars saknar ett nätverk "
                "in på arbetsmarknaden. Neddragningen riskerar att drabba just dem.",
            ),
            ("lines", ["Jag vill därför fråga kommunstyrelsens ordförande:"]),
            (
                "lines",
                [
                    "1. Hur många sommarjobb kommer kommunen att erbjuda i år?",
                    "2. Vilka ungdomar prioriteras när platserna inte räcker till alla?",
                ],
            ),
            ("lines", ["Trollhättan 2024-03-04", "Elin Dahlqvist (V)"]),
        ],
        [
            ("heading", "Interpellation om gång- och cykelbron över Göta älv"),
            ("lines", ["Till samhällsbyggnadsnämndens ordförande"]),
            (
                "text",
                "Den nya gång- och cykelbron över Göta älv skulle enligt den ursprungliga tidplanen ha "
                "invigts hösten 2023. Bygget har i stället stått stilla i flera månader, och enligt "
                "uppgifter från förvaltningen har kostnaderna stigit med närmare 40 procent sedan "
                "beslutet fattades.",
            ),
            (
                "text",
                "Bron är en viktig länk mellan bostadsområdena på västra sidan och arbetsplatserna i "
                "centrum. Tusentals pendlare har räknat med den, och flera av kommunens egna planer för "
                "minskad biltrafik bygger på att den finns på plats.",
            ),
            (
                "text",
                "Förseningen har också lett till att den tillfälliga gångvägen längs älven har fått "
                "användas betydligt längre än det var tänkt. Den är smal, dåligt belyst och saknar på "
                "flera ställen räcke mot vattnet.",
            ),
        ],
        [
            (
                "text",
                "Kommunens invånare har rätt att få veta vad som har hänt och när bron kan tas i bruk. "
                "Fullmäktige behöver också få besked om hur de ökade kostnaderna ska finansieras.",
            ),
            ("lines", ["Jag vill därför fråga samhällsbyggnadsnämndens ordförande:"]),
            (
                "lines",
                [
                    "\u2022 Vad är orsaken till att bygget har stått stilla?",
                    "\u2022 När beräknas bron kunna tas i bruk?",
                    "\u2022 Hur ska de ökade kostnaderna finansieras?",
                ],
            ),
            ("lines", ["Trollhättan 2024-03-06", "Kristoffer Lund (L)"]),
            ("heading", "Interpellation om maten i hemtjänsten"),
            ("lines", ["Till vård- och omsorgsnämndens ordförande Anneli Björk (KD)"]),
            (
                "text",
                "Sedan januari levereras maten till de äldre i hemtjänsten som kylda matlådor en gång i "
                "veckan i stället för som varm mat varje dag. Flera brukare har hört av sig och berättat "
                "att de inte klarar av att värma maten själva, och anhöriga oroar sig för att deras "
                "närstående äter sämre.",
            ),
            (
                "text",
                "Min fråga till vård- och omsorgsnämndens ordförande är därför: Hur följer nämnden upp "
                "att de äldre som får kylda matlådor verkligen äter och mår bra?",
            ),
            ("lines", ["Trollhättan 2024-03-11", "Johanna Ek (MP)", "Sami Yilmaz (MP)"]),
        ],
    ]
    c = canvas(path)
    for number, blocks in enumerate(pages, start=1):
        c.setFont(REGULAR, 8.5)
        c.drawString(LEFT, HEIGHT - 40, "Trollhättans stad – Interpellationer till kommunfullmäktige")
        c.drawRightString(RIGHT, 40, f"Sida {number} ({len(pages)})")
        y = HEIGHT - 90
        for kind, content in blocks:
            if isinstance(content, str) and kind == "heading":
                y = heading(c, content, y - (18 if y < HEIGHT - 90 else 0))
            elif isinstance(content, str):
                y = paragraph(c, wrap(content, RIGHT - LEFT), y) - 6
            else:
                y = plain(c, content, y) - 6
        c.showPage()
    c.save()


def wrap_hyphenated(text: str, width: float, size: float = SIZE) -> list[str]:
    """Greedy line breaking that may break a word at a "|" in it (drawn as "-" at the
    line end, dropped elsewhere)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word.replace('|', '')}".strip()
        if not line or pdfmetrics.stringWidth(candidate, REGULAR, size) <= width:
            line = candidate
            continue
        head, _, tail = word.partition("|")
        if tail and pdfmetrics.stringWidth(f"{line} {head}-", REGULAR, size) <= width:
            lines.append(f"{line} {head}-")
            line = tail
        else:
            lines.append(line)
            line = word.replace("|", "")
    return [*lines, line]


REPORT_LEFT = (
    "Skolorna i Sandviken har under året fått se över sina lokaler. Flera av husen "
    "byggdes på sextiotalet och behöver nya fläktar och ny ventilation, och i två av dem har "
    "eleverna flyttat till moduler under tiden. Förvaltningen har lämnat en plan för "
    "hur arbetet ska fördelas över de kommande fem åren, och den ska sedan slutligen antas av kommun|"
    "fullmäktige i juni efter att barn- och utbildningsnämnden har yttrat sig."
)
REPORT_RIGHT = (
    "Kostnaden för ombyggnaderna beräknas bli högre än vad som sades när planen först "
    "togs fram, främst för att priserna på material har stigit. Nämnden föreslår därför "
    "att de största projekten delas upp i etapper så att undervisningen kan fortsätta "
    "i de lokaler som redan är klara medan resten byggs om under sommarloven."
)
REPORT_TABLE = [
    ["Skola", "Elever", "Kostnad per elev"],
    ["Sätraskolan", "412", "98 000 kr"],
    ["Bessemerskolan", "388", "104 000 kr"],
    ["Jernvallsskolan", "251", "91 000 kr"],
]


def report_columns_table(path: Path) -> None:
    """Three pages under a running header and a "Sida N (3)" footer: a title over two
    justified columns with a word hyphenated at a line end (kommun-/fullmäktige), a ruled
    table between two paragraphs, a closing paragraph and a signature."""
    c = canvas(path)
    pages = 3

    def header(number: int) -> None:
        c.setFont(REGULAR, 8.5)
        c.drawString(LEFT, HEIGHT - 40, "Sandvikens kommun")
        c.drawRightString(RIGHT, HEIGHT - 40, "Dnr KS 2024/0233")
        c.drawRightString(RIGHT, 40, f"Sida {number} ({pages})")

    header(1)
    y = heading(c, "Rapport om skolornas lokaler och ekonomi", HEIGHT - 90)
    gutter = 24.0
    col = (RIGHT - LEFT - gutter) / 2
    for x, text in ((LEFT, REPORT_LEFT), (LEFT + col + gutter, REPORT_RIGHT)):
        paragraph(c, wrap_hyphenated(text, col, size=9), y, x=x, width=col, size=9)
    c.showPage()

    header(2)
    y = (
        paragraph(
            c,
            wrap(
                "Tabellen visar antalet elever och den beräknade kostnaden per elev för de tre skolor som "
                "byggs om först.",
                RIGHT - LEFT,
            ),
            HEIGHT - 90,
        )
        - 10
    )
    t = Table(REPORT_TABLE, colWidths=[160, 80, 120])
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, SIZE),
                ("FONT", (0, 0), (-1, 0), BOLD, SIZE),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ]
        )
    )
    _, h = t.wrapOn(c, RIGHT - LEFT, 400)
    t.drawOn(c, LEFT, y - h + 8)
    paragraph(
        c,
        wrap(
            "Kostnaderna i tabellen bygger på förvaltningens kalkyl från mars och kan komma att "
            "ändras när upphandlingen är klar.",
            RIGHT - LEFT,
        ),
        y - h - 14,
    )
    c.showPage()

    header(3)
    y = paragraph(
        c,
        wrap(
            "Kommunstyrelsen föreslås ge förvaltningen i uppdrag att återkomma med en reviderad "
            "tidplan före årsskiftet.",
            RIGHT - LEFT,
        ),
        HEIGHT - 90,
    )
    plain(c, ["Karin Lund (C)"], y - 20)
    c.showPage()
    c.save()


FIXTURES: dict[str, Callable[[Path], None]] = {
    "running-header-footer.pdf": running_header_footer,
    "hyphenated-lines.pdf": hyphenated_lines,
    "paragraphs.pdf": paragraphs,
    "list-items.pdf": list_items,
    "two-columns.pdf": two_columns,
    "table.pdf": table,
    "letterhead-dnr-block.pdf": letterhead_dnr_block,
    "overprinted-bold.pdf": overprinted_bold,
    "ligatures.pdf": ligatures,
    "image-only-scan.pdf": image_only_scan,
    "some-pages-image-only.pdf": some_pages_image_only,
    "encrypted-user-password.pdf": lambda p: encrypted(p, "hemligt"),
    "encrypted-empty-user-password.pdf": lambda p: encrypted(p, ""),
    "truncated.pdf": truncated,
    "not-a-pdf.pdf": lambda p: p.write_text("Det här är en textfil, inte en PDF.\n", "utf-8"),
    "empty.pdf": lambda p: p.write_bytes(b""),
    "bundle-three-interpellations.pdf": bundle_three_interpellations,
    "report-columns-table.pdf": report_columns_table,
}


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else Path("tests/fixtures/pdf")
    out.mkdir(parents=True, exist_ok=True)
    register_fonts()
    for name, make in FIXTURES.items():
        make(out / name)
        print(out / name)


if __name__ == "__main__":
    main(sys.argv)
