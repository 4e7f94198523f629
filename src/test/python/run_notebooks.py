"""Executes notebooks against a report folder, as CI does; exits 1 on any cell error.

    python src/test/python/run_notebooks.py REPORT_DIR OUT_DIR NOTEBOOK...

Like papermill, it inserts a cell tagged "injected-parameters" after the cell tagged "parameters",
setting report_dir, then runs every cell with nbclient (ipykernel, python3). The executed copies
are written to OUT_DIR (outputs included) for reading; the notebooks themselves stay stripped.
"""
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def inject(nb, report_dir):
    cell = nbformat.v4.new_code_cell(f"# Parameters injected by run_notebooks.py\nreport_dir = {str(report_dir)!r}")
    cell.metadata["tags"] = ["injected-parameters"]
    cell.pop("id", None)
    index = next((i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if index is None:
        raise SystemExit("no cell tagged 'parameters'")
    nb.cells.insert(index + 1, cell)


def main(report_dir, out_dir, notebooks):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path in map(Path, notebooks):
        nb = nbformat.read(path, as_version=4)
        inject(nb, Path(report_dir).resolve())
        started = time.monotonic()
        try:
            NotebookClient(nb, timeout=180, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent.resolve())}}).execute()
            status = "ok"
        except CellExecutionError as e:
            failed += 1
            status = "FAILED\n" + str(e)
        nbformat.write(nb, out / path.name)
        print(f"{path.name}: {status} ({time.monotonic() - started:.1f} s)", flush=True)
    print(f"{len(notebooks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
