"""Saving files from the panel (issue #16): a name fits the file system's 255 *bytes*, keeps its
extension and is never cut inside a character; a path, ``..``, leading dots or control characters
never place a file elsewhere; a PDF is saved only if it is one, by the TUI and the CLI alike."""

from __future__ import annotations

import pytest

from billtui.cli import main as cli
from billtui.storage import downloads
from billtui.storage.downloads import MAX_NAME_BYTES, pdf_filename, safe_filename, save_download, save_pdf


def fits(name: str) -> bool:
    return len(name.encode("utf-8")) <= MAX_NAME_BYTES


@pytest.mark.parametrize("raw", [
    "😀" * 200 + ".pdf",
    "👨‍👩‍👧" * 60 + ".pdf",  # joined emoji: 18 bytes each
    "я" * 300 + ".pdf",  # 2 bytes each
    "a" * 400 + ".pdf",
    "€" * 100 + "a" + "€" * 100 + ".pdf",  # odd byte offsets
])
def test_a_long_name_fits_in_255_bytes_and_keeps_its_extension(raw, tmp_path):
    name = safe_filename(raw)
    assert fits(name) and name.endswith(".pdf")
    assert len(name.encode("utf-8")) > MAX_NAME_BYTES - 8  # cut, not emptied
    name.encode("utf-8").decode("utf-8")  # whole characters only
    assert not name[:-4].endswith("\u200d")  # no dangling joiner
    first = save_download(raw, b"%PDF-1.4", directory=tmp_path)
    second = save_download(raw, b"%PDF-1.4", directory=tmp_path)  # numbered: still fits
    assert first != second and fits(first.name) and fits(second.name)
    assert second.name.endswith(" (1).pdf") and second.read_bytes() == b"%PDF-1.4"


def test_a_long_name_without_an_extension_is_cut_too():
    assert fits(safe_filename("😀" * 200))
    long_ext = "report." + "x" * 300
    assert fits(safe_filename(long_ext))


@pytest.mark.parametrize("raw, expected", [
    ("../../.bashrc", "bashrc"),
    ("/etc/passwd", "passwd"),
    ("..\\..\\Windows\\win.ini", "win.ini"),
    ("..", "download"),
    ("...", "download"),
    (".hidden.pdf", "hidden.pdf"),
    ("inv\x1b[31m\x00oice.pdf", "inv_[31m_oice.pdf"),
    ("a\u202eFDP.exe", "a_FDP.exe"),
    ("C:evil.pdf", "C_evil.pdf"),
    ("bad\udc80name.pdf", "bad_name.pdf"),
])
def test_a_name_is_one_harmless_component(raw, expected):
    assert safe_filename(raw) == expected


def test_the_fallback_is_made_safe_as_well():
    assert safe_filename("", "invoice-../../x.pdf") == "x.pdf"
    assert safe_filename(None, "") == "download"


def test_a_pdf_always_ends_in_pdf_and_must_be_one(tmp_path):
    assert pdf_filename("run.sh", "invoice.pdf") == "run.sh.pdf"
    assert pdf_filename(None, "invoice-12.pdf") == "invoice-12.pdf"
    assert pdf_filename("INVOICE.PDF", "x.pdf") == "INVOICE.PDF"
    assert fits(pdf_filename("😀" * 200, "x.pdf"))
    with pytest.raises(downloads.NotPdf, match="a web page"):
        save_pdf("invoice.pdf", b"<html><body>Login</body></html>", fallback="x.pdf", directory=tmp_path)
    assert list(tmp_path.iterdir()) == []
    saved = save_pdf("../../.profile", b"%PDF-1.7 ...", fallback="x.pdf", directory=tmp_path)
    assert saved.parent == tmp_path and saved.name == "profile.pdf"


# ----------------------------------------------------------------------- `billtui invoice download`


def _invoice_reply(monkeypatch, name, data) -> None:
    from billtui.api.calls import finance

    async def invoice_pdf(client, invoice_id, progress=None):
        return name, data

    monkeypatch.setattr(finance, "invoice_pdf", invoice_pdf)


def test_the_cli_refuses_an_invoice_that_is_not_a_pdf(capsys, monkeypatch, tmp_path):
    _invoice_reply(monkeypatch, "invoice.pdf", b"<!DOCTYPE html><html>Please log in</html>")
    target = tmp_path / "pdfs"
    code = cli.main(["invoice", "download", "12", "--demo", "--dir", str(target)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert "did not send a PDF" in err and "web page" in err and "nothing saved" in err
    assert not target.exists() or list(target.iterdir()) == []


def test_the_cli_saves_a_pdf_under_a_safe_name_only(capsys, monkeypatch, tmp_path):
    _invoice_reply(monkeypatch, "../../.bashrc", b"%PDF-1.4 fake")
    target = tmp_path / "pdfs"
    code = cli.main(["invoice", "download", "12", "--demo", "--dir", str(target)])
    out, err = capsys.readouterr()
    assert code == 0, err
    path, = out.splitlines()
    assert path == str(target / "bashrc.pdf")
    assert [p.name for p in target.iterdir()] == ["bashrc.pdf"]
    assert not (tmp_path / ".bashrc").exists()


def test_the_cli_saves_long_emoji_names(capsys, monkeypatch, tmp_path):
    _invoice_reply(monkeypatch, "😀" * 200 + ".pdf", b"%PDF-1.4 fake")
    code = cli.main(["invoice", "download", "12", "--demo", "--dir", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 0, err
    saved, = tmp_path.iterdir()
    assert fits(saved.name) and saved.name.endswith(".pdf") and out.strip() == str(saved)


async def test_the_tui_saves_pdfs_the_same_way():
    from billtui.storage import paths
    from billtui.screens.finances.pdf_download import save_pdf as tui_save_pdf

    def fetch_of(name, data):
        async def fetch(progress):
            progress(len(data), len(data))
            return name, data
        return fetch

    with pytest.raises(ValueError, match="did not send a PDF for invoice 12"):
        await tui_save_pdf(fetch_of("x.pdf", b"{}"), "invoice 12", "invoice-12.pdf", lambda text: None)
    path = await tui_save_pdf(fetch_of("x.sh", b"%PDF-1.4"), "invoice 12", "invoice-12.pdf", lambda text: None)
    assert path.parent == paths.downloads_dir().resolve() and path.name == "x.sh.pdf"
