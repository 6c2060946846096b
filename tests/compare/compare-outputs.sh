#!/usr/bin/env bash
# Runs the same commands with two builds of fieldoffice on copies of the same libraries (the demo
# library and a generated one) and compares every output byte for byte: what the command line
# prints (stdout, stderr, exit code) and the files it writes (HTML, PDF, packets, manifests).
# Issue 11 asks a restructuring to change no output; this is how that is shown.
#
#   tests/compare/compare-outputs.sh OLD_BIN_DIR NEW_BIN_DIR [WORK_DIR] [STORIES]
#
# OLD_BIN_DIR and NEW_BIN_DIR hold `fieldoffice` and `fieldoffice-bench` (build/bin). The
# libraries are made once, with the old build, and each build gets its own copy of them. Exit
# status: 0 when everything is identical, 1 when anything differs (each difference is listed).
set -uo pipefail
src=$(realpath "$(dirname "$0")/../..")
old=$(realpath "$1"); new=$(realpath "$2")
work=${3:-$(mktemp -d)}; stories=${4:-1000}
mkdir -p "$work"
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/fieldoffice-compare-runtime}
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 TZ=UTC
export SOURCE_DATE_EPOCH=1764892800 # a fixed time for anything that stamps one

make_libraries() {
    rm -rf "$work/libs"; mkdir -p "$work/libs"
    "$old/fieldoffice" demo --library "$work/libs/demo.fieldoffice" >/dev/null
    "$old/fieldoffice-bench" generate --library "$work/libs/generated.fieldoffice" \
        --stories "$stories" --seed 11 >/dev/null
}

# run NAME ARGS...: one command, its stdout, stderr and exit code kept under NAME.
run() {
    local name=$1; shift
    "$bin/fieldoffice" "$@" >"$out/$name.stdout" 2>"$out/$name.stderr"
    echo $? >"$out/$name.rc"
    # The library's path differs between the two runs; nothing else may.
    sed -i "s|$lib|LIBRARY|g; s|$out|OUT|g" "$out/$name.stdout" "$out/$name.stderr"
}

read_commands() { # on any library
    run list list --library "$lib"
    run list-json list --library "$lib" --json
    run list-approved list --library "$lib" --status approved
    run list-draft-json list --library "$lib" --status draft --json
    for q in court police '"forced labour"' 'train*' 'court OR police' nosuchwordanywhere; do
        local key=${q//[^a-z]/_}
        run "search-$key" list --library "$lib" --search "$q"
        run "search-$key-json" list --library "$lib" --search "$q" --json
    done
    run person-list person list --library "$lib"
    run person-list-json person list --library "$lib" --json
    run check check-library --library "$lib"
    local ids
    ids=$("$bin/fieldoffice" list --library "$lib" --json | grep -o '"id": [0-9]*' | head -12 | grep -o '[0-9]*')
    for id in $ids; do
        run "show-$id" show --library "$lib" "$id"
        run "show-md-$id" show --library "$lib" --markdown "$id"
        run "history-$id" history --library "$lib" "$id"
        run "history-json-$id" history --library "$lib" --json "$id"
        run "diff-$id" diff --library "$lib" "$id" 1 current
        run "export-html-$id" export --library "$lib" "$id" --format html -o "$out/story-$id.html"
        run "export-pdf-$id" export --library "$lib" "$id" --format pdf -o "$out/story-$id.pdf"
        run "export-letter-$id" export --library "$lib" "$id" --format pdf --page-size Letter \
            --draft -o "$out/story-letter-$id.pdf"
    done
    # Refusals: the words of each must not change.
    run unknown-show show --library "$lib" 999999
    run unknown-export export --library "$lib" 999999 --format html -o "$out/none.html"
    run bad-format export --library "$lib" 1 --format docx -o "$out/none.docx"
    run bad-status list --library "$lib" --status nonsense
    run no-action review --library "$lib" 1
    run unknown-person review --library "$lib" 1 --as "Nobody Here" --submit
    run unknown-command frobnicate --library "$lib"
    run missing-library list --library "$work/does-not-exist/x.fieldoffice"
}

demo_commands() { # the demo library has people and approved stories
    run packet-pdf packet --library "$lib" --as "Maria Santos" --status approved \
        --title "Compare packet" --format pdf -o "$out/packet.pdf"
    run packet-html packet --library "$lib" --as "Maria Santos" --status approved \
        --title "Compare packet" --format html -o "$out/packet-html"
    run packet-single packet --library "$lib" --as "Maria Santos" --status approved \
        --title "Compare packet" --format html --single-file -o "$out/packet-single.html"
    run packet-refused packet --library "$lib" --as "Maria Santos" --status draft \
        --format pdf -o "$out/refused.pdf"
    run review-wrong-role review --library "$lib" 1 --as "Grace Achieng" --approve
    run edit-unknown edit --library "$lib" 999999 --as "Grace Achieng" --headline x
    # Writes through the workflow: the messages, and what the library holds afterwards.
    local id
    id=$("$bin/fieldoffice" list --library "$lib" --status draft --json | grep -o '"id": [0-9]*' | head -1 | grep -o '[0-9]*')
    run edit-headline edit --library "$lib" "$id" --as "Grace Achieng" --headline "A changed headline"
    run edit-dateline edit --library "$lib" "$id" --as "Grace Achieng" --dateline "GULU, UGANDA"
    run submit review --library "$lib" "$id" --as "Grace Achieng" --submit
    run approve-self review --library "$lib" "$id" --as "Grace Achieng" --approve
    run request-nocomment review --library "$lib" "$id" --as "Rahul Sen" --request-changes
    run approve review --library "$lib" "$id" --as "Rahul Sen" --approve
    run release review --library "$lib" "$id" --as "Maria Santos" --release
    run edit-approved edit --library "$lib" "$id" --as "Grace Achieng" --headline "Changed after release"
    run history-after history --library "$lib" "$id"
    run diff-after diff --library "$lib" "$id" approved current
    run show-after show --library "$lib" --markdown "$id"
    run import import --library "$lib" --as "Grace Achieng" "$src/resources/demo"
    run import-missing import --library "$lib" --as "Grace Achieng" "$work/no-such-file.md"
    run list-after list --library "$lib"
}

run_build() { # run_build LABEL BIN_DIR
    bin=$2; rm -rf "${work:?}/$1"
    for kind in demo generated; do
        out="$work/$1/$kind"; mkdir -p "$out"
        lib="$work/libs/$1-$kind.fieldoffice"; cp "$work/libs/$kind.fieldoffice" "$lib"
        read_commands
        [ "$kind" = demo ] && demo_commands
    done
}

make_libraries
run_build old "$old"
run_build new "$new"

# PDFs carry their creation time; compare them with it blanked (same length, so byte positions
# and the cross-reference table still match).
normalise_pdf() {
    sed -i -E 's/(CreationDate|ModDate) *\((D:)?[0-9]{14}([^)]*)\)/\1 (\200000000000000\3)/g' "$1"
}
while IFS= read -r -d '' f; do normalise_pdf "$f"; done < <(find "$work/old" "$work/new" -name '*.pdf' -print0)
# A manifest records when the packet was built.
while IFS= read -r -d '' f; do
    sed -i -E 's/"time": "[0-9T:.-]+Z"/"time": "TIME"/g' "$f"
done < <(find "$work/old" "$work/new" -name '*manifest.json' -print0)
# What the write commands did was done at the time of the run.
while IFS= read -r -d '' f; do
    sed -i -E 's/20[0-9]{2}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?( UTC|Z)?/TIME/g' "$f"
done < <(find "$work/old" "$work/new" -name '*-after.stdout' -print0)

status=0; count=0
while IFS= read -r -d '' f; do
    rel=${f#"$work/old/"}; count=$((count + 1))
    if ! cmp -s "$f" "$work/new/$rel"; then echo "differs: $rel"; status=1; fi
done < <(find "$work/old" -type f -print0)
while IFS= read -r -d '' f; do
    rel=${f#"$work/new/"}
    [ -e "$work/old/$rel" ] || { echo "only in new: $rel"; status=1; }
done < <(find "$work/new" -type f -print0)
echo "compared $count files: $([ $status = 0 ] && echo identical || echo DIFFERENCES)"
exit $status
