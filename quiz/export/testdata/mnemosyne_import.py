"""Import Anki packages into a fresh Mnemosyne collection, headless.

Usage: PYTHONPATH=<mnemosyne>/usr/lib/python3/dist-packages python3 -S \
           mnemosyne_import.py GUID PACKAGE.apkg [PACKAGE.apkg ...]

Each package is copied into a scratch directory first (Mnemosyne unpacks a
package beside it) and imported with Mnemosyne's own Anki2 file format, in
order. Prints one JSON object on stdout: the fact and card counts after
each import, the tags and the fields of the fact whose id is GUID.
Mnemosyne's chatter goes to stderr.
"""

import contextlib
import json
import os
import shutil
import sys
import tempfile


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    guid, packages = sys.argv[1], sys.argv[2:]
    from mnemosyne.script import Mnemosyne

    work = tempfile.mkdtemp(prefix="factdeck-mnemosyne-")
    try:
        result = {"imports": []}
        with contextlib.redirect_stdout(sys.stderr):
            mnemosyne = Mnemosyne(os.path.join(work, "data"))
            try:
                anki2 = [f for f in mnemosyne.component_manager.all("file_format")
                         if type(f).__name__ == "Anki2"]
                if len(anki2) != 1:
                    sys.exit("no Anki2 file format in Mnemosyne")
                db = mnemosyne.database()
                for i, package in enumerate(packages):
                    copy = os.path.join(work, "import%d" % i, os.path.basename(package))
                    os.makedirs(os.path.dirname(copy))
                    shutil.copy(package, copy)
                    anki2[0].do_import(copy)
                    result["imports"].append({"facts": db.fact_count(), "cards": db.card_count()})
                result["tags"] = sorted(tag.name for tag in db.tags())
                result["card_types"] = sorted(
                    db.card_type(row[0], is_id_internal=False).name
                    for row in db.con.execute("select distinct card_type_id from cards"))
                if db.has_fact_with_id(guid):
                    fact = db.fact(guid, is_id_internal=False)
                    result["fields"] = [fact.data.get(str(i), "") for i in range(len(fact.data))]
                db.save()
            finally:
                mnemosyne.finalise()
        json.dump(result, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
