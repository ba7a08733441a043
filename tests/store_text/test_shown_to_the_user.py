"""What the store reports reaches the person in their language: in the app and on the command line."""

from __future__ import annotations

import errno
import os

from store import SessionStore
from store.errors import save_failed
from tui.cli import main
from tui.screens.flow import SAVE_DELAY, FlowScreen


def toasts(app) -> str:
    return "\n".join(f"{n.title or ''} {n.message}" for n in app._notifications)


async def test_a_save_that_meets_a_full_disk_is_reported_in_russian(make_app, store,
                                                                     monkeypatch):
    def full_disk(session, *, touch=True):
        raise save_failed(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))

    monkeypatch.setattr(store, "save", full_disk)
    app = make_app(lang="ru", start="dropped")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"Ромашка")
        await pilot.pause(SAVE_DELAY + 0.4)
        told = toasts(app)
        assert isinstance(app.screen, FlowScreen)
    assert "Пока не сохранено" in told
    assert ("Диск заполнен. Ваши ответы остаются на экране и сохранятся, как только появится "
            "место.") in told
    assert "disk is full" not in told


async def test_a_second_window_is_told_in_portuguese_at_start(data_dir, monkeypatch):
    from content import load_catalog
    from tests.conftest import frozen_clock
    from tui.app import PartingApp

    first = SessionStore.open(data_dir, app_instance=True)
    second = SessionStore.open(data_dir, app_instance=True)
    app = PartingApp(store=second, catalog=load_catalog("pt"), clock=frozen_clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            told = toasts(app)
    finally:
        second.close()
        first.close()
    assert "O parting já está aberto em outra janela; nesta dá para ver, mas não salvar." in told


def test_parting_import_refuses_a_bad_file_in_portuguese(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"[1, 2, 3]")

    code = main(["--data-dir", str(tmp_path / "data"), "--lang", "pt", "import", str(bad)])

    err = capsys.readouterr().err
    assert code == 1
    assert f"Nada foi importado de {bad}: O conteúdo do arquivo é JSON do tipo lista, não uma " \
           "exportação do parting." in err
    assert "not a parting export" not in err


def test_parting_import_of_a_cut_file_is_refused_in_russian(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"format": "parting", "version": 1, "sessions": [')

    assert main(["--data-dir", str(tmp_path / "data"), "--lang", "ru", "import", str(bad)]) == 1

    err = capsys.readouterr().err
    assert "Файл обрывается на середине данных." in err and "cut short" not in err


def test_a_command_kept_waiting_by_a_busy_folder_says_so_in_russian(tmp_path, capsys,
                                                                     monkeypatch):
    from store.locks import FileLock
    from tui import cli_commands

    data_dir = tmp_path / "data"
    SessionStore.open(data_dir).close()
    monkeypatch.setattr(cli_commands, "CLI_WAIT", 0.05)
    holder = FileLock(data_dir / "sessions.lock")
    holder.acquire(1)
    try:
        assert main(["--data-dir", str(data_dir), "--lang", "ru", "due"]) == 1
    finally:
        holder.close()

    err = capsys.readouterr().err
    assert "занята другим процессом parting; ждали 0.05 с. Попробуйте ещё раз чуть позже." in err
    assert "busy" not in err
