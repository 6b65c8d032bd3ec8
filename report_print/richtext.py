"""Wagtail rich text (HTML) as print blocks: paragraphs, headings and lists of styled runs."""

from html.parser import HTMLParser
from typing import Any

BLOCK_TAGS = {"p", "h2", "h3", "h4", "li"}
BOLD_TAGS = {"b", "strong"}
ITALIC_TAGS = {"i", "em"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict[str, Any]] = []
        self.runs: list[dict[str, Any]] = []
        self.bold = 0
        self.italic = 0
        self.block = "p"
        self.lists: list[dict[str, Any]] = []

    def handle_starttag(self, tag, attrs):
        if tag in BOLD_TAGS:
            self.bold += 1
        elif tag in ITALIC_TAGS:
            self.italic += 1
        elif tag == "br":
            self.add_text(" ")
        elif tag in {"ul", "ol"}:
            self.flush()
            self.lists.append({"kind": "list", "ordered": tag == "ol", "items": []})
        elif tag in BLOCK_TAGS:
            self.flush()
            self.block = tag

    def handle_endtag(self, tag):
        if tag in BOLD_TAGS:
            self.bold = max(0, self.bold - 1)
        elif tag in ITALIC_TAGS:
            self.italic = max(0, self.italic - 1)
        elif tag in {"ul", "ol"} and self.lists:
            self.flush()
            finished = self.lists.pop()
            if finished["items"]:
                self.blocks.append(finished)
        elif tag in BLOCK_TAGS:
            self.flush()

    def handle_data(self, data):
        self.add_text(data)

    def add_text(self, data: str) -> None:
        text = " ".join(data.split()) if data.strip() else (" " if data else "")
        if data[:1].isspace() and text and not text.startswith(" "):
            text = " " + text
        if data[-1:].isspace() and text and not text.endswith(" "):
            text += " "
        if not text:
            return
        style = {"bold": self.bold > 0, "italic": self.italic > 0}
        if self.runs and {k: self.runs[-1][k] for k in style} == style:
            self.runs[-1]["text"] += text
        else:
            self.runs.append({"text": text, **style})

    def flush(self) -> None:
        runs = [run for run in self.runs if run["text"].strip()]
        self.runs = []
        if not runs:
            return
        runs[0]["text"] = runs[0]["text"].lstrip()
        runs[-1]["text"] = runs[-1]["text"].rstrip()
        if self.block == "li" and self.lists:
            self.lists[-1]["items"].append(runs)
        elif self.block in {"h2", "h3", "h4"}:
            text = "".join(run["text"] for run in runs)
            self.blocks.append({"kind": "heading", "level": int(self.block[1]), "text": text})
        else:
            self.blocks.append({"kind": "paragraph", "runs": runs})
        self.block = "p"


def rich_text_blocks(html: str) -> list[dict[str, Any]]:
    """Paragraphs, headings (h2–h4) and lists with bold/italic runs; links keep their text."""
    reader = _Reader()
    reader.feed(str(html or ""))
    reader.close()
    reader.flush()
    while reader.lists:
        finished = reader.lists.pop()
        if finished["items"]:
            reader.blocks.append(finished)
    return reader.blocks


def plain_paragraph(text: str) -> dict[str, Any]:
    return {"kind": "paragraph", "runs": [{"text": text, "bold": False, "italic": False}]}
