"""The watcher against real observers and real folders: saves, copies, storms, breakage, restarts."""

from __future__ import annotations

import os
import threading
import time

import pytest

from tests.watch.conftest import (
    activity_summaries,
    excel_save,
    source,
    sources,
    wait_until,
    workbook_bytes,
)


def _has_summaries(store, path, tag):
    return any(tag in s for s in activity_summaries(store, path))


def test_excel_save_sequence_imports_once_with_the_new_content(store, folder, watch):
    w, events = watch({"reports": [folder]})
    target = excel_save(folder, "日報.xlsx", workbook_bytes("初版"))
    wait_until(lambda: _has_summaries(store, target, "初版"), what="first save imported")
    excel_save(folder, "日報.xlsx", workbook_bytes("二版", n=4))
    wait_until(lambda: _has_summaries(store, target, "二版"), what="second save imported")
    wait_until(w.idle, what="watcher idle")
    time.sleep(0.6)  # room for a stray second import to show up

    assert [s["path"] for s in sources(store)] == [str(target)]
    assert source(store, target)["status"] == "ok"
    assert len(events.of("imported", "日報.xlsx")) == 2  # one per save
    assert events.of("failed") == [] and events.of("error") == [] and events.of("missing") == []
    summaries = activity_summaries(store, target)
    assert len(summaries) == 4 and all("二版" in s for s in summaries)


def test_copy_in_progress_is_imported_once_complete(store, folder, watch):
    w, events = watch({"reports": [folder]})
    data = workbook_bytes("コピー", n=50)
    target = folder / "大きい日報.xlsx"
    with open(target, "wb") as fh:  # a slow network copy: half, a stall, the rest
        fh.write(data[: len(data) // 2])
        fh.flush()
        os.fsync(fh.fileno())
        time.sleep(2.0)
        assert sources(store) == []  # nothing imported from the half-written zip
        fh.write(data[len(data) // 2 :])
    wait_until(lambda: source(store, target), what="import after the copy finished")
    wait_until(w.idle)
    time.sleep(0.5)

    assert source(store, target)["status"] == "ok"
    assert len(activity_summaries(store, target)) == 50
    assert len(events.of("imported")) == 1
    assert events.of("failed") == []
    assert store.query("SELECT count(*) FROM import_issues")[0][0] == 0


def test_two_hundred_files_dropped_at_once(store, folder, tmp_path, watch):
    staging = tmp_path / "staging"
    staging.mkdir()
    for i in range(200):
        (staging / f"日報_{i:03d}.xlsx").write_bytes(workbook_bytes(f"社{i:03d}", n=2))
    w, events = watch({"reports": [folder]})
    for f in staging.iterdir():  # a drag-and-drop move into the folder
        os.replace(f, folder / f.name)
    wait_until(lambda: len(sources(store, "ok")) == 200, timeout=40, what="200 sources ok")
    wait_until(w.idle)

    assert len(sources(store)) == 200
    assert store.query("SELECT count(*) FROM activities WHERE deleted = 0")[0][0] == 400
    assert events.of("failed") == [] and events.of("error") == []


def test_broken_workbooks_do_not_stop_the_watcher(store, folder, watch):
    _w, events = watch({"reports": [folder]}, incomplete_wait=1.0)
    good = workbook_bytes("正常")
    (folder / "壊れた.xlsx").write_bytes(b"this is not a workbook at all\n" * 10)
    (folder / "途中まで.xlsx").write_bytes(good[: len(good) // 2])  # never completed
    excel_save(folder, "正常.xlsx", good)

    wait_until(lambda: source(store, folder / "正常.xlsx"), what="the good file")
    wait_until(lambda: len(sources(store, "error")) == 2, what="two error sources")
    assert len(activity_summaries(store, folder / "正常.xlsx")) == 3
    issues = store.query("SELECT code, message FROM import_issues")
    assert {r["code"] for r in issues} == {"not_a_workbook", "truncated"}
    assert all(r["message"] for r in issues)
    assert {e.path.name for e in events.of("failed")} == {"壊れた.xlsx", "途中まで.xlsx"}

    # still running: the broken file repaired, and a new one, both import
    excel_save(folder, "壊れた.xlsx", workbook_bytes("修理"))
    excel_save(folder, "次の日報.xlsx", workbook_bytes("次"))
    wait_until(lambda: _has_summaries(store, folder / "壊れた.xlsx", "修理"), what="repaired")
    wait_until(lambda: source(store, folder / "次の日報.xlsx"), what="next file")
    assert source(store, folder / "壊れた.xlsx")["status"] == "ok"


def test_a_handler_that_raises_is_reported_and_the_next_file_goes_on(store, folder, watch):
    from importers.ingest import Importer

    importer = Importer(store)

    def flaky(path, kind):
        if "爆発" in path.name:
            raise RuntimeError("boom")
        return importer.import_source(path, kind)

    _w, events = watch({"reports": [folder]}, importer=flaky)
    (folder / "爆発.xlsx").write_bytes(workbook_bytes("爆発"))
    (folder / "無事.xlsx").write_bytes(workbook_bytes("無事"))
    wait_until(lambda: source(store, folder / "無事.xlsx"))
    wait_until(lambda: events.of("error", "爆発.xlsx"))
    assert events.of("error", "爆発.xlsx")[0].message == "RuntimeError: boom"


def test_stop_change_start_is_caught_up_by_the_rescan(store, folder, watch):
    for name in ("a.xlsx", "b.xlsx", "c.xlsx"):
        (folder / name).write_bytes(workbook_bytes(name[0] + "版1"))
    w, _ = watch({"reports": [folder]})  # the first rescan imports what is already there
    wait_until(lambda: len(sources(store, "ok")) == 3, what="initial scan")
    assert w.stop(timeout=5.0)

    (folder / "a.xlsx").write_bytes(workbook_bytes("a版2", n=5))  # edited while closed
    (folder / "d.xlsx").write_bytes(workbook_bytes("d版1"))  # added while closed
    (folder / "c.xlsx").unlink()  # deleted while closed
    c_activities = store.query(
        "SELECT a.id FROM activities a JOIN sources s ON s.id = a.source_id WHERE s.path = ?",
        (str(folder / "c.xlsx"),),
    )

    w2, events = watch({"reports": [folder]})
    wait_until(lambda: _has_summaries(store, folder / "a.xlsx", "a版2"), what="edit applied")
    wait_until(lambda: source(store, folder / "d.xlsx"), what="new file imported")
    wait_until(lambda: source(store, folder / "c.xlsx")["status"] == "missing", what="missing")
    assert len(activity_summaries(store, folder / "a.xlsx")) == 5
    assert source(store, folder / "b.xlsx")["status"] == "ok"
    ids = [r[0] for r in c_activities]
    still = sum(
        store.query("SELECT count(*) FROM activities WHERE deleted = 0 AND id = ?", (i,))[0][0]
        for i in ids
    )
    assert still == len(ids) == 3  # a deleted workbook keeps its activities
    wait_until(w2.idle)
    assert {e.path.name for e in events.of("imported")} == {"a.xlsx", "d.xlsx"}


def test_deleting_a_workbook_while_watched_marks_it_missing(store, folder, watch):
    _w, events = watch({"reports": [folder]}, delete_grace=0.5)
    target = excel_save(folder, "消す.xlsx", workbook_bytes("消す"))
    wait_until(lambda: source(store, target))
    target.unlink()
    wait_until(lambda: source(store, target)["status"] == "missing", what="marked missing")
    assert len(activity_summaries(store, target)) == 3
    assert len(events.of("missing", "消す.xlsx")) == 1

    target.write_bytes(workbook_bytes("消す"))  # restored (same content): the source is back
    wait_until(lambda: source(store, target)["status"] == "ok", what="restored")
    assert len(activity_summaries(store, target)) == 3


def test_a_copy_in_progress_when_the_watcher_starts(store, folder, watch):
    data = workbook_bytes("起動中", n=20)
    target = folder / "起動中.xlsx"
    with open(target, "wb") as fh:
        fh.write(data[: len(data) // 2])
        fh.flush()
        w, events = watch({"reports": [folder]})  # the first rescan sees the half file
        time.sleep(1.5)
        fh.write(data[len(data) // 2 :])
    wait_until(lambda: source(store, target), what="import once complete")
    wait_until(w.idle)
    assert source(store, target)["status"] == "ok"
    assert events.of("failed") == [] and len(events.of("imported")) == 1


def test_polling_observer_imports_a_save(store, folder, watch):
    _w, events = watch({"reports": [folder]}, force_polling=True, poll_interval=0.5)
    assert "polling" in events.of("watching")[0].message
    target = excel_save(folder, "日報.xlsx", workbook_bytes("ポーリング"))
    wait_until(lambda: _has_summaries(store, target, "ポーリング"), what="polled import")
    excel_save(folder, "日報.xlsx", workbook_bytes("ポーリング2"))
    wait_until(lambda: _has_summaries(store, target, "ポーリング2"), what="second polled import")
    assert len(sources(store)) == 1


def test_a_folder_that_disappears_and_returns(store, folder, tmp_path, watch):
    _w, events = watch({"reports": [folder]}, delete_grace=0.3)
    first = excel_save(folder, "前.xlsx", workbook_bytes("前"))
    wait_until(lambda: source(store, first))

    away = tmp_path / "unplugged"
    os.rename(folder, away)  # the network drive goes away
    wait_until(lambda: events.of("folder_missing"), what="folder reported missing")
    (away / "留守中.xlsx").write_bytes(workbook_bytes("留守中"))  # saved elsewhere meanwhile
    time.sleep(1.0)
    assert len(events.of("folder_missing")) == 1  # reported once, not every check
    assert source(store, first)["status"] == "ok"  # nothing marked missing: we cannot know yet

    os.rename(away, folder)  # it comes back
    wait_until(lambda: events.of("folder_back"), what="folder back")
    wait_until(lambda: source(store, folder / "留守中.xlsx"), what="file saved while away")
    after = excel_save(folder, "後.xlsx", workbook_bytes("後"))
    wait_until(lambda: source(store, after), what="save after the folder returned")
    assert source(store, first)["status"] == "ok"
    assert events.of("error") == []


def test_a_folder_removed_and_created_again_is_watched_anew(store, folder, watch):
    _w, events = watch({"reports": [folder]})
    os.rmdir(folder)
    wait_until(lambda: events.of("folder_missing"))
    folder.mkdir()
    wait_until(lambda: events.of("folder_back"))
    target = excel_save(folder, "新.xlsx", workbook_bytes("新"))
    wait_until(lambda: source(store, target), what="import in the re-created folder")


def test_a_dead_observer_is_restarted(store, folder, watch):
    w, events = watch({"reports": [folder]})
    w.watches[0]._observer.stop()  # simulate an observer thread dying
    wait_until(lambda: events.of("restarted"), what="restart reported")
    target = excel_save(folder, "復活.xlsx", workbook_bytes("復活"))
    wait_until(lambda: source(store, target), what="import after restart")


@pytest.mark.parametrize(
    "name",
    [
        "日報：3月?.xlsx",
        'a*b<c>|"d".xlsx',
        "ﾃｽﾄ　全角 スペース.xlsx",
        "絵文字😀日報.xlsx",
        "\u304b\u3099\u304d\u3099.xlsx",  # decomposed が ぎ (as macOS writes names)
        "back\\slash.xlsx",
    ],
)
def test_names_windows_forbids_or_odd_unicode(store, folder, watch, name):
    _w, events = watch({"reports": [folder]})
    target = excel_save(folder, name, workbook_bytes("名前"))
    wait_until(lambda: source(store, target), what=f"import of {name!r}")
    assert source(store, target)["status"] == "ok"
    # the file's rows are visible at the import's publish; its event follows when the import's
    # last steps (notes, links) are done
    wait_until(lambda: events.of("imported", name), what=f"the imported event of {name!r}")


def test_stop_lets_the_import_in_progress_finish(store, folder, watch):
    started, finished = threading.Event(), threading.Event()

    from importers.ingest import Importer

    importer = Importer(store)

    def slow(path, kind):
        started.set()
        time.sleep(1.0)
        finished.set()
        return importer.import_source(path, kind)

    w, _ = watch({"reports": [folder]}, importer=slow)
    (folder / "遅い.xlsx").write_bytes(workbook_bytes("遅い"))
    assert started.wait(10)
    t0 = time.monotonic()
    assert w.stop(timeout=5.0)
    assert finished.is_set()
    assert time.monotonic() - t0 < 3.0


def test_cards_and_photos_folders_import_and_a_deleted_card_file_is_missing(store, tmp_path, watch):
    cards, photos = tmp_path / "名刺", tmp_path / "写真"
    cards.mkdir()
    photos.mkdir()
    _w, events = watch({"cards": [cards], "photos": [photos]})
    vcf = cards / "青木.vcf"
    vcf.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:青木 一郎\nN:青木;一郎;;;\nORG:サンプル精工株式会社\n"
        "EMAIL:aoki@sample-seiko.example.jp\nEND:VCARD\n",
        encoding="utf-8",
    )
    tsv = cards / "eight.tsv"
    tsv.write_text("氏名\t会社名\tメールアドレス\n佐藤 花子\t北辰機械\tsato@hokushin.example.jp\n")
    from PIL import Image

    Image.new("RGB", (40, 30), "white").save(photos / "メモ.tif")
    wait_until(lambda: events.of("imported", "青木.vcf") and events.of("imported", "eight.tsv"))
    wait_until(lambda: events.of("imported", "メモ.tif"), what="tif photo")
    assert events.of("imported", "eight.tsv")[0].outcome.kind == "cards"
    names = {r["email"] for r in store.query("SELECT email FROM contacts")}
    assert names == {"aoki@sample-seiko.example.jp", "sato@hokushin.example.jp"}
    (photo,) = store.query("SELECT filename FROM attachments WHERE deleted = 0")
    assert photo["filename"] == "メモ.tif"
    vcf.unlink()
    wait_until(lambda: events.of("missing", "青木.vcf"), what="card file missing")
    assert source(store, vcf)["status"] == "missing"
    assert len(store.query("SELECT id FROM contacts WHERE deleted = 0")) == 2  # kept


def test_a_locked_file_is_retried(store, folder, watch):
    from importers.ingest import Importer
    from importers.issues import Issue
    from importers.outcome import Outcome, Status

    importer = Importer(store)
    calls = []

    def locked_once(path, kind):
        calls.append(path)
        if len(calls) == 1:  # Excel still holds it
            return Outcome(path, kind, Status.FAILED, issues=[Issue("error", "locked", "held")])
        return importer.import_source(path, kind)

    _w, events = watch({"reports": [folder]}, importer=locked_once,
                       locked_retries=(0.3,))  # fmt: skip
    target = excel_save(folder, "握り.xlsx", workbook_bytes("握り"))
    wait_until(lambda: source(store, target), what="import on retry")
    assert len(calls) == 2 and len(events.of("failed")) == 1
