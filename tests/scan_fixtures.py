"""Scanned PDFs made for the OCR tests: a report page drawn as an image with
Pillow in a Noto CJK font (the one fc-match finds, from Debian's
fonts-noto-cjk), at 200 dpi as an office scanner saves it, and wrapped in a
PDF with no text layer. The page: the title, a sentence with two figures,
and 表 1 (three applications of the 55th CNNIC report's 表 5, 2024-12 columns)
laid out in columns without rules. The same content as text is
:data:`SCAN_TEXT`, so a test can compare the two."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

TITLE = "第56次中国互联网络发展状况统计报告"
SENTENCE = "截至2024年12月，我国网民规模达11.08亿人，互联网普及率达78.6%。"
CAPTION = "表 1 2024年12月各类互联网应用用户规模"
HEAD = ["应用", "用户规模（万人）", "网民使用率（%）"]
ROWS = [
    ["即时通信", "108,133", "97.6"],
    ["网络视频", "107,018", "96.6"],
    ["网络支付", "102,891", "92.8"],
]
#: The page as a text report has it.
SCAN_TEXT = (
    "\n\n".join([TITLE, SENTENCE, CAPTION, "\n".join("\t".join(r) for r in [HEAD, *ROWS])]) + "\n"
)

DPI = 200
_A4_INCHES = (8.27, 11.69)


def cjk_font() -> tuple[str, int] | None:
    """The file and face index of the Noto CJK font fc-match finds for
    simplified Chinese, or ``None`` when there is none (fc-match then falls
    back to a font without Chinese)."""
    try:
        done = subprocess.run(
            ["fc-match", "-f", "%{file}|%{index}", "Noto Sans CJK SC:lang=zh-cn"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    file, _, index = done.stdout.partition("|")
    return (file, int(index or 0)) if "CJK" in file else None


def scan_image(font: tuple[str, int], dpi: int = DPI) -> Image.Image:
    """The report page drawn in grey at ``dpi`` (12 pt text, 72 pt margins)."""
    width, height = (round(side * dpi) for side in _A4_INCHES)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)

    def px(points: float) -> int:
        return round(points * dpi / 72)

    body = ImageFont.truetype(font[0], px(12), index=font[1])
    title = ImageFont.truetype(font[0], px(18), index=font[1])
    draw.text((px(72), px(90)), TITLE, font=title, fill=0)
    draw.text((px(72), px(150)), SENTENCE, font=body, fill=0)
    draw.text((px(72), px(200)), CAPTION, font=body, fill=0)
    y = 230
    for row in [HEAD, *ROWS]:
        for x, cell in zip((72, 200, 340), row, strict=True):
            draw.text((px(x), px(y)), cell, font=body, fill=0)
        y += 20
    return image


def scanned_pdf(path: Path, font: tuple[str, int]) -> Path:
    """A one-page image-only PDF of the report page, written by Pillow."""
    scan_image(font).save(path, "PDF", resolution=DPI)
    return path


def mixed_pdf(path: Path, font: tuple[str, int]) -> Path:
    """A two-page PDF: page 1 with a text layer (the report's title page),
    page 2 the scanned report page as an image."""
    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 22)
    c.drawCentredString(A4[0] / 2, 600, "第56次中国互联网络发展状况统计报告")
    c.setFont("STSong-Light", 14)
    c.drawCentredString(A4[0] / 2, 540, "中国互联网络信息中心")
    c.drawCentredString(A4[0] / 2, 500, "2025 年 7 月")
    c.showPage()
    png = io.BytesIO()
    scan_image(font).save(png, "PNG")
    c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return path
