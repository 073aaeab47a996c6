"""Demo pictures drawn locally with Pillow (nothing is downloaded)."""

import hashlib
import io
import math
import random
from pathlib import Path

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

PALETTES = [
    ((11, 79, 138), (94, 166, 214)),
    ((29, 94, 44), (141, 198, 120)),
    ((122, 40, 87), (226, 140, 160)),
    ((160, 82, 20), (246, 192, 98)),
    ((48, 48, 110), (150, 150, 220)),
    ((12, 110, 110), (110, 205, 190)),
]
FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
]


def _font(size):
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def demo_image(key, label="", size=(1200, 675), name="demo.jpg"):
    """A JPEG (as a ContentFile named `name`) that depends only on `key`."""
    rng = random.Random(int(hashlib.sha1(key.encode()).hexdigest()[:8], 16))
    dark, light = rng.choice(PALETTES)
    width, height = size
    image = Image.new("RGB", size, dark)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        colour = tuple(int(d + (lt - d) * t * 0.6) for d, lt in zip(dark, light, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    for _ in range(7):
        r = rng.randint(height // 10, height // 3)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse([x - r, y - r, x + r, y + r], outline=light, width=rng.randint(4, 14))
    if label:
        font = _font(max(28, width // 22))
        words, lines, line = label.split(), [], ""
        for word in words:
            candidate = f"{line} {word}".strip()
            if draw.textlength(candidate, font=font) > width * 0.8 and line:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
        y = height - (len(lines) + 1) * font.size * 1.25
        for text in lines[:4]:
            draw.text((width * 0.07, y), text, font=font, fill=(255, 255, 255))
            y += font.size * 1.25
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return ContentFile(buffer.getvalue(), name=name)


def demo_crest(name="herb.png"):
    """A PNG shield with a transparent background: a stand-in for a city's
    crest (a real city uploads its own in site settings)."""
    width, height = 200, 240
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    # A heater shield: straight top, sides curving to a point.
    outline = [(8, 8), (width - 8, 8), (width - 8, 120)]
    outline += [(width - 8 - 92 * t, 120 + 112 * t**0.8) for t in (i / 20 for i in range(1, 21))]
    outline += [(8 + 92 * (1 - t), 120 + 112 * (1 - t) ** 0.8) for t in (i / 20 for i in range(1, 20))]
    outline += [(8, 120)]
    draw.polygon(outline, fill=(11, 79, 138), outline=(246, 192, 40), width=8)
    # A gold chevron under a white star.
    draw.polygon([(44, 172), (100, 116), (156, 172), (156, 144), (100, 88), (44, 144)], fill=(246, 192, 40))
    star = []
    for i in range(10):
        radius = 26 if i % 2 == 0 else 11
        angle = math.pi / 2 + i * math.pi / 5
        star.append((100 + radius * math.cos(angle), 50 - radius * math.sin(angle) + 4))
    draw.polygon(star, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name=name)
