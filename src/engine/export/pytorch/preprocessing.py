"""How a CSV row becomes the network's input x, a target cell its y, and an output a prediction.

A line-by-line port of Backprop Studio's encoder (docs/weights-format.md, "preprocessing"), so a row
is encoded here exactly as the app encodes it:

    numeric feature   x = (v - center) / scale       (v = the imputation value when the cell is missing)
    one-hot feature   x_k = 1 for the row's category k (all zeros for a category never seen)
    classes target    y = one-hot over the classes (softmax), or y = 0 / 1 (one sigmoid unit)
    numeric target    y = (v - center) / scale, decoded as v = y * scale + center
"""
import csv
import decimal
import math
import re

# Cells that mean "no value" (compared after trimming); the empty cell always is.
MISSING = {"", "NA", "N/A", "NaN", "nan", "null", "NULL", "?"}
# A plain decimal number: 1, -0.5, .5, +3., 1e-3 (no hex, no "Infinity", no digit separators).
NUMBER = re.compile(r"^[ \t\u00a0]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$")


class DataError(Exception):
    """A cell or column that cannot be encoded; the message names the line and column."""


def is_missing(cell):
    return cell == "" or cell.strip() in MISSING


def parse_number(cell):
    """The number a cell holds, or None when it is not a plain decimal number."""
    return float(cell) if NUMBER.match(cell) else None


def js_number(v):
    """A number written as JavaScript's String(v) writes it: 1 (not 1.0), 1e-7, 1e+21, 0.000001."""
    if v == 0:
        return "0"
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    sign = "-" if v < 0 else ""
    # repr gives the shortest digits that read back as the same double, as JavaScript does.
    d = decimal.Decimal(repr(abs(v))).normalize()
    _, digits, exponent = d.as_tuple()
    s = "".join(map(str, digits))
    k = len(s)
    n = exponent + k  # the value is 0.s × 10^n
    if k <= n <= 21:
        return sign + s + "0" * (n - k)
    if 0 < n <= 21:
        return sign + s[:n] + "." + s[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + s
    e = n - 1
    mantissa = s[0] + ("." + s[1:] if k > 1 else "")
    return sign + mantissa + "e" + ("+" if e >= 0 else "-") + str(abs(e))


def category_key(cell):
    """A cell as a category: trimmed, and a number in canonical form (1, 1.0 and " 1 " are one)."""
    v = parse_number(cell)
    return js_number(v) if v is not None else cell.strip()


def unique_names(cells):
    """Column names from a header row: trimmed, blanks named column_N, repeats suffixed _2, _3, ..."""
    used, names = set(), []
    for i, cell in enumerate(cells):
        base = cell.strip() or f"column_{i + 1}"
        name, k = base, 2
        while name in used:
            name, k = f"{base}_{k}", k + 1
        used.add(name)
        names.append(name)
    return names


def read_csv(path):
    """(header cells, column names, records, line numbers) of a CSV file with a header row."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            text = f.read()
    except OSError as err:
        raise DataError(f"cannot read {path}: {err.strerror}") from err
    if text.strip() == "":
        raise DataError(f"{path}: the file is empty")
    first = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first.count)
    rows = [r for r in csv.reader(text.splitlines(keepends=True), delimiter=delimiter)]
    header, records, lines = rows[0], [], []
    for i, r in enumerate(rows[1:], start=2):
        if len(r) == 0 or (len(r) == 1 and r[0].strip() == ""):
            continue  # blank lines
        if len(r) != len(header):
            raise DataError(f"{path}: line {i} has {len(r)} fields; the header has {len(header)}")
        records.append(r)
        lines.append(i)
    return header, unique_names(header), records, lines, delimiter


def feature_width(f):
    return 1 if f["kind"] == "numeric" else len(f["categories"])


def input_width(p):
    return sum(feature_width(f) for f in p["features"])


def target_width(t):
    return len(t["classes"]) if t["kind"] == "classes" and t["encoding"] == "softmax" else 1


def output_width(p):
    return sum(target_width(t) for t in p["targets"])


def _column(names, name, path):
    if name not in names:
        raise DataError(f'{path}: the file has no column "{name}", which the model needs (its columns: '
                        + ", ".join(f'"{c}"' for c in names) + ")")
    return names.index(name)


def _impute(f, where):
    """The feature's fill-in value for a missing cell; without one the model cannot read the row."""
    if f["impute"] is None:
        raise DataError(f"{where}: the value is missing and the model has no value to fill in")
    return f["impute"]


def encode_features(p, names, records, lines, path="data"):
    """x, a list of rows of input_width(p) floats, for every record."""
    width = input_width(p)
    x = [[0.0] * width for _ in records]
    offset = 0
    for f in p["features"]:
        j = _column(names, f["column"], path)
        where = lambda r: f'{path}: line {lines[r]}, column {j + 1} ("{f["column"]}")'
        if f["kind"] == "numeric":
            for r, rec in enumerate(records):
                cell = rec[j]
                if is_missing(cell):
                    v = _impute(f, where(r))
                else:
                    v = parse_number(cell)
                    if v is None:
                        raise DataError(f'{where(r)}: "{cell}" is not a number, but "{f["column"]}" is numeric')
                x[r][offset] = (v - f["center"]) / f["scale"]
        else:
            position = {c: k for k, c in enumerate(f["categories"])}
            for r, rec in enumerate(records):
                cell = rec[j]
                key = _impute(f, where(r)) if is_missing(cell) else category_key(cell)
                k = position.get(key)
                if k is not None:
                    x[r][offset + k] = 1.0
        offset += feature_width(f)
    return x


def encode_targets(p, names, records, lines, path="data"):
    """(y rows, kept record indices): rows without a target value are left out, as the app does."""
    width = output_width(p)
    columns = [_column(names, t["column"], path) for t in p["targets"]]
    kept = [r for r, rec in enumerate(records) if not any(is_missing(rec[j]) for j in columns)]
    y = [[0.0] * width for _ in kept]
    offset = 0
    for t, j in zip(p["targets"], columns):
        for i, r in enumerate(kept):
            cell = records[r][j]
            where = f'{path}: line {lines[r]}, column {j + 1} ("{t["column"]}")'
            if t["kind"] == "numeric":
                v = parse_number(cell)
                if v is None:
                    raise DataError(f'{where}: "{cell}" is not a number')
                y[i][offset] = (v - t["center"]) / t["scale"]
            else:
                key = category_key(cell)
                if key not in t["classes"]:
                    raise DataError(f'{where}: "{cell}" is not one of the classes {t["classes"]}')
                c = t["classes"].index(key)
                if t["encoding"] == "softmax":
                    y[i][offset + c] = 1.0
                else:
                    y[i][offset] = float(c)
        offset += target_width(t)
    return y, kept


def prediction_columns(p):
    """The columns predict appends: the predicted label or value, then the class probabilities."""
    out = []
    for t in p["targets"]:
        out.append(f'predicted_{t["column"]}')
        if t["kind"] == "classes":
            out += [f"p_{c}" for c in t["classes"]]
    return out


def decode(p, outputs):
    """One row of outputs as the cells of prediction_columns(p)."""
    cells, offset = [], 0
    for t in p["targets"]:
        if t["kind"] == "numeric":
            cells.append(outputs[offset] * t["scale"] + t["center"])
        elif t["encoding"] == "sigmoid":
            q = outputs[offset]
            cells += [t["classes"][1 if q >= 0.5 else 0], 1 - q, q]
        else:
            k = len(t["classes"])
            probs = list(outputs[offset:offset + k])
            best = 0
            for i in range(1, k):
                if probs[i] > probs[best]:
                    best = i
            cells += [t["classes"][best]] + probs
        offset += target_width(t)
    return cells
