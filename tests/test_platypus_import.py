"""platypus imported with its two slow patterns deferred: they match as reportlab's own do,
and nothing else about `re` is changed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHECK = """
import re
compile_before = re.compile
import bluebook_desktop.formats.pdf_layout
import reportlab.platypus.paragraph as paragraph
import reportlab.lib.textsplit as textsplit
from bluebook_desktop.formats.platypus import DeferredPattern
assert re.compile is compile_before, "re.compile is given back"
assert isinstance(paragraph.uri_pat, DeferredPattern)
assert isinstance(textsplit.rx, DeferredPattern)
print(paragraph.uri_pat.pattern == {uri!r}, textsplit.rx.pattern == {rx!r})
"""


def _reportlab_source(module: str) -> str:
    import importlib.util

    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).read_text(encoding="utf-8")


def test_the_deferred_patterns_are_reportlabs_own_and_match_alike() -> None:
    from bluebook_desktop.formats.platypus import DeferredPattern

    source = _reportlab_source("reportlab.platypus.paragraph")
    uri_line = next(line for line in source.splitlines() if line.startswith("uri_pat"))
    namespace: dict[str, object] = {"re": re}
    exec(uri_line, namespace)  # reportlab's own line, compiled here for comparison
    real = namespace["uri_pat"]
    assert isinstance(real, re.Pattern)
    deferred = DeferredPattern(real.pattern, real.flags)
    for text in ("https://www.sanshui.gov.cn/zwgk/", "http://192.168.1.1:8080/a", "第一季度", ""):
        found, expected = deferred.match(text), real.match(text)
        assert (found and found.group(0)) == (expected and expected.group(0))

    done = subprocess.run(
        [sys.executable, "-c", CHECK.format(uri=real.pattern, rx="([\u2e80-\uffff])")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]


def test_a_deferred_pattern_used_is_compiled_once_by_re() -> None:
    from bluebook_desktop.formats.platypus import DeferredPattern

    pattern = DeferredPattern("([\u2e80-\uffff])", 0)
    assert pattern.sub(r"\1|", "区政协a") == "区|政|协|a"
    assert pattern.split("中文") == ["", "中", "", "文", ""]
