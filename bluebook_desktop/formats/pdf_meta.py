"""The PDF's XMP metadata: the document information again, in the form archives read.

The dates are the file's own (reportlab's time stamp: now, or SOURCE_DATE_EPOCH when set,
so that a build or a test gets the same bytes for the same book).
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import XMP, PDFDocument
from reportlab.pdfgen.canvas import Canvas

from bluebook_desktop import DISPLAY_NAME, __version__
from bluebook_desktop.domain import Book

LANGUAGE = "zh-CN"


def metadata(book: Book) -> dict[str, Any]:
    """The document information: what a file manager, a search or an archive shows."""
    cover = book.cover
    title = cover.title + (f"（{cover.edition}）" if cover.edition else "")
    year = f"{cover.year}年度"
    return {
        "title": title,
        "subject": f"{cover.unit_name}{year}绩效目标责任书".strip(),
        "author": cover.unit_name,
        "creator": f"{DISPLAY_NAME} {__version__}",
        "keywords": [k for k in ("绩效目标责任书", cover.edition, year, cover.unit_name) if k],
        "lang": LANGUAGE,
    }


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _date(doc: PDFDocument) -> str:
    stamp = doc._timeStamp  # the same stamp the document information's dates are made from
    year, month, day, hour, minute, second = stamp.YMDhms
    sign = "-" if stamp.dhh < 0 else "+"
    return (
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
        f"{sign}{abs(stamp.dhh):02d}:{stamp.dmm:02d}"
    )


def xmp_packet(meta: dict[str, Any], doc: PDFDocument) -> str:
    def alt(text: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{_escape(text)}</rdf:li></rdf:Alt>'

    def items(kind: str, texts: list[str]) -> str:
        return (
            f"<rdf:{kind}>"
            + "".join(f"<rdf:li>{_escape(t)}</rdf:li>" for t in texts)
            + (f"</rdf:{kind}>")
        )

    date = _date(doc)
    keywords = meta["keywords"]
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about=""'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/">\n'
        "<dc:format>application/pdf</dc:format>\n"
        f"<dc:title>{alt(meta['title'])}</dc:title>\n"
        f"<dc:creator>{items('Seq', [meta['author']])}</dc:creator>\n"
        f"<dc:description>{alt(meta['subject'])}</dc:description>\n"
        f"<dc:subject>{items('Bag', keywords)}</dc:subject>\n"
        f"<dc:language>{items('Bag', [meta['lang']])}</dc:language>\n"
        f"<pdf:Keywords>{_escape(', '.join(keywords))}</pdf:Keywords>\n"
        f"<pdf:Producer>{_escape(doc.info.producer)}</pdf:Producer>\n"
        f"<xmp:CreatorTool>{_escape(meta['creator'])}</xmp:CreatorTool>\n"
        f"<xmp:CreateDate>{date}</xmp:CreateDate>\n"
        f"<xmp:ModifyDate>{date}</xmp:ModifyDate>\n"
        f"<xmp:MetadataDate>{date}</xmp:MetadataDate>\n"
        "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="r"?>'
    )


def canvas_with_xmp(meta: dict[str, Any]) -> Any:
    """A canvas maker for BaseDocTemplate.build: each canvas carries the XMP metadata."""

    def make(*args: Any, **kwargs: Any) -> Canvas:
        canvas = Canvas(*args, **kwargs)
        stream = XMP(creator=lambda doc: xmp_packet(meta, doc).encode("utf-8"))
        stream.filters = []  # readers look for the packet as plain text
        canvas.setCatalogEntry("Metadata", stream)
        return canvas

    return make
