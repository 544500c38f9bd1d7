"""Predict every row of a CSV with the exported network.

    python3 predict.py DATA.csv --out PRED.csv

writes DATA.csv's rows with the prediction columns Backprop Studio's 'predict' appends: for each
target, predicted_<target> (the label, or the value in the target's own units), then for a class
target one probability column p_<class> per class. Without --out the rows go to standard output.
"""
import argparse
import csv
import sys

import torch

import model
import preprocessing as pre


def main(argv=None):
    ap = argparse.ArgumentParser(description="Predict every row of a CSV file.")
    ap.add_argument("data", help="a CSV file with a header row naming the model's feature columns")
    ap.add_argument("--out", help="where to write the rows with prediction columns (default: stdout)")
    ap.add_argument("--weights", default=model.WEIGHTS_FILE, help="a Backprop Studio weights file")
    args = ap.parse_args(argv)

    net, file = model.load(args.weights)
    p = file["preprocessing"]
    if p is None:
        sys.exit(f"{args.weights}: the weights file has no preprocessing, so CSV rows cannot be encoded for it")
    try:
        header, names, records, lines, delimiter = pre.read_csv(args.data)
        x = pre.encode_features(p, names, records, lines, args.data)
    except pre.DataError as err:
        sys.exit(f"error: {err}")
    x = torch.tensor(x, dtype=model.DTYPE).reshape(len(records), pre.input_width(p))
    with torch.no_grad():
        outputs = net.predict(x).tolist()

    added = pre.unique_names(names + pre.prediction_columns(p))[len(names):]
    out = open(args.out, "w", newline="", encoding="utf-8") if args.out else sys.stdout
    try:
        w = csv.writer(out, delimiter=delimiter, lineterminator="\n")
        w.writerow(header + added)
        for rec, o in zip(records, outputs):
            cells = pre.decode(p, o)
            w.writerow(rec + [c if isinstance(c, str) else pre.js_number(c) for c in cells])
    finally:
        if args.out:
            out.close()
    if args.out:
        print(f'{{"command": "predict", "rows": {len(records)}, "out": "{args.out}"}}')


if __name__ == "__main__":
    main()
