"""PDFs made for the tests with reportlab's built-in CID font STSong-Light, in
the layout of a CNNIC report: a title page, a running header and page
numbers on every page, paragraphs wrapped at the text width with a
superscript footnote marker in a small font, the footnote at the page
bottom, and a ruled table (表 5 of the 55th report, its rows as the seed
gives them) broken across a page with its header repeated."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Table, TableStyle

FONT = "STSong-Light"
HEADER = "第 55 次中国互联网络发展状况统计报告"
TABLE_HEAD = ["应用", "2023.12\n用户规模 (万人)", "2023.12\n网民使用率 (%)", "2024.12\n用户规模 (万人)", "2024.12\n网民使用率 (%)", "增长率 (%)"]  # fmt: skip
TABLE_ROWS = [
    ["即时通信", "105,963", "97.0", "108,133", "97.6", "2.0"],
    ["网络视频", "106,671", "97.7", "107,018", "96.6", "0.3"],
    ["短视频", "105,330", "96.4", "103,953", "93.8", "-1.3"],
    ["网络支付", "95,386", "87.3", "102,891", "92.8", "7.9"],
    ["网络购物", "91,496", "83.8", "97,443", "87.9", "6.5"],
    ["搜索引擎", "82,670", "75.7", "87,782", "79.2", "6.2"],
]
PARAGRAPH = (
    "截至 2024 年 12 月，我国网络购物用户规模达 9.74 亿人，较 2023 年 12 月增长 5947 万人，"
    "占网民整体的 87.9%。我国 5G 基站总数达 419.1 万个，占移动基站总数的比重达 33.2%"
)
FOOTNOTE = "来源：工业和信息化部，https://www.miit.gov.cn/gxsj/tjfx/txy/art/2024/x.html，2024 年 12 月 23 日。"


WIDTH = 380.0  # the text width, in points


def _last_line(text: str, size: int = 12) -> str:
    line = ""
    for ch in text:
        if pdfmetrics.stringWidth(line + ch, FONT, size) > WIDTH:
            line = ""
        line += ch
    return line


def _register() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _furniture(c: canvas.Canvas, number: int) -> None:
    c.setFont(FONT, 9)
    c.drawCentredString(A4[0] / 2, A4[1] - 40, HEADER)
    c.drawCentredString(A4[0] / 2, 30, str(number))


def _wrapped(c: canvas.Canvas, text: str, x: float, y: float, width: float, size: int) -> float:
    """Draw ``text`` wrapped at ``width`` points, as a typesetter does; return
    the next line's y."""
    c.setFont(FONT, size)
    line = ""
    for ch in text:
        if pdfmetrics.stringWidth(line + ch, FONT, size) > width:
            c.drawString(x, y, line)
            y -= size * 1.6
            line = ""
        line += ch
    if line:
        c.drawString(x, y, line)
        y -= size * 1.6
    return y


def _table(c: canvas.Canvas, rows: list[list[str]], x: float, y_top: float) -> float:
    table = Table([TABLE_HEAD, *rows], colWidths=[60, 82, 82, 82, 82, 58])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ]
        )
    )
    _, height = table.wrapOn(c, A4[0], A4[1])
    table.drawOn(c, x, y_top - height)
    return y_top - height


def cnnic_like_pdf(path: Path) -> Path:
    """Write the fixture PDF to ``path`` and return it."""
    _register()
    c = canvas.Canvas(str(path), pagesize=A4)
    # title page
    c.setFont(FONT, 22)
    c.drawCentredString(A4[0] / 2, 600, "第55次中国互联网络发展状况统计报告")
    c.setFont(FONT, 14)
    c.drawCentredString(A4[0] / 2, 540, "中国互联网络信息中心")
    c.drawCentredString(A4[0] / 2, 500, "2025 年 1 月")
    c.showPage()
    # page 2: a chapter, a paragraph with a footnote marker, the table's first part
    _furniture(c, 1)
    c.setFont(FONT, 16)
    c.drawString(72, 760, "第三章 互联网应用发展状况")
    y = _wrapped(c, PARAGRAPH, 72, 720, WIDTH, 12)
    c.setFont(FONT, 7)  # the footnote marker, small and raised
    c.drawString(
        72 + pdfmetrics.stringWidth(_last_line(PARAGRAPH), FONT, 12) + 1, y + 12 * 1.6 + 5, "1"
    )
    c.setFont(FONT, 12)
    c.drawString(72, y - 10, "表 5 2023.12-2024.12 各类互联网应用用户规模")
    _table(c, TABLE_ROWS[:3], 60, y - 20)
    c.setFont(FONT, 5)
    c.drawString(72, 92, "1")
    _wrapped(c, FOOTNOTE, 76, 90, WIDTH - 4, 8)
    c.showPage()
    # page 3: the table continued with its header repeated, then a closing sentence
    _furniture(c, 2)
    bottom = _table(c, TABLE_ROWS[3:], 60, 780)
    _wrapped(c, "以上数据统计截止日期为2024年12月。", 72, bottom - 30, WIDTH, 12)
    c.showPage()
    c.save()
    return path


def image_only_pdf(path: Path) -> Path:
    """A PDF whose page holds only a drawn shape (no text layer)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(100, 100, 300, 300, fill=1)
    c.showPage()
    c.save()
    return path


def encrypted_pdf(path: Path) -> Path:
    """A PDF that needs a password to open."""
    _register()
    c = canvas.Canvas(str(path), pagesize=A4, encrypt="secret")
    c.setFont(FONT, 12)
    c.drawString(72, 700, "网民规模达 11.08 亿人")
    c.showPage()
    c.save()
    return path


NOTE = "注：用户规模为截至当期末的人数。"
#: A table of other columns (a different table, no caption) opening page 3.
OTHER_HEAD = ["地区", "网民规模 (万人)", "普及率 (%)"]
OTHER_ROWS = [["城镇", "78,200", "85.3"], ["农村", "31,300", "65.6"]]


def _grid(c: canvas.Canvas, rows: list[list[str]], widths: list[float], y_top: float) -> float:
    table = Table(rows, colWidths=widths)
    table.setStyle(
        TableStyle(
            [("FONT", (0, 0), (-1, -1), FONT, 8), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
        )
    )
    _, height = table.wrapOn(c, A4[0], A4[1])
    table.drawOn(c, 60, y_top - height)
    return y_top - height


def continued_table_pdf(path: Path, *, other_columns: bool = False) -> Path:
    """表 5 broken over a page with its header NOT repeated: page 2 ends with
    the header, three rows and a 注 line under them; page 3 opens with the
    other three rows (data first). With ``other_columns``, page 2 has no 注
    line and page 3 opens instead with a caption-less table of three other
    columns, which is a table of its own."""
    _register()
    widths = [60, 82, 82, 82, 82, 58]
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(FONT, 22)
    c.drawCentredString(A4[0] / 2, 600, "第55次中国互联网络发展状况统计报告")
    c.setFont(FONT, 14)
    c.drawCentredString(A4[0] / 2, 540, "中国互联网络信息中心")
    c.drawCentredString(A4[0] / 2, 500, "2025 年 1 月")
    c.showPage()
    _furniture(c, 1)
    c.setFont(FONT, 16)
    c.drawString(72, 760, "第三章 互联网应用发展状况")
    y = _wrapped(c, PARAGRAPH + "。", 72, 720, WIDTH, 12)
    c.setFont(FONT, 12)
    c.drawString(72, y - 10, "表 5 2023.12-2024.12 各类互联网应用用户规模")
    bottom = _grid(c, [TABLE_HEAD, *TABLE_ROWS[:3]], widths, y - 20)
    if not other_columns:  # a note under the first part: the table seems to end here
        c.setFont(FONT, 9)
        c.drawString(72, bottom - 14, NOTE)
    c.showPage()
    _furniture(c, 2)
    if other_columns:
        bottom = _grid(c, [OTHER_HEAD, *OTHER_ROWS], [120, 150, 150], 780)
    else:
        bottom = _grid(c, TABLE_ROWS[3:], widths, 780)
    _wrapped(c, "以上数据统计截止日期为2024年12月。", 72, bottom - 30, WIDTH, 12)
    c.showPage()
    c.save()
    return path
