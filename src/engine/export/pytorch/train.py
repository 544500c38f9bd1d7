"""Continue training the exported network, on one process or many (PyTorch DistributedDataParallel).

    python3 train.py --data DATA.csv --epochs N --out W.weights.json
    torchrun --nproc_per_node=4 train.py --data DATA.csv --epochs N --out W.weights.json

Same loss, optimiser and settings as in Backprop Studio (the weights file's "training.settings"; the
options below override them). The rows are encoded with the weights file's preprocessing, unchanged.
--out writes a Backprop Studio weights file, so the trained network goes back into the app.

Under torchrun every process reads the CSV and a DistributedSampler deals it out: one step takes the
next --batch rows of the epoch's shuffled order, each process the rows at its own positions, and the
gradients are averaged so that the step is the app's step on that batch, (1/m) Σ over its m rows,
whatever the number of processes. gloo on CPU, nccl on GPUs.
"""
import argparse
import json
import math
import os
import sys

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data.distributed import DistributedSampler

import model
import preprocessing as pre

CLIP = 1e-15  # probabilities are clipped to [CLIP, 1 - CLIP] before a log, as in the app
MAX_LOSS_POINTS = 500


def loss_sum(z, a, y):
    """Σ over rows and units of the loss, as the app computes it (fused pairs from the logits z)."""
    kind = model.LOSS
    if kind == "squared-error":
        return 0.5 * ((a - y) ** 2).sum()
    if kind == "binary-cross-entropy":
        if model.FUSED:
            return (torch.logaddexp(z, torch.zeros_like(z)) - y * z).sum()
        q = a.clamp(CLIP, 1 - CLIP)
        return -(y * torch.log(q) + (1 - y) * torch.log(1 - q)).sum()
    if kind == "cross-entropy":
        if model.FUSED:
            return -(y * torch.log_softmax(z, dim=1)).sum()
        return -(y * torch.log(a.clamp_min(CLIP))).sum()
    if kind == "mean-absolute-error":
        return (a - y).abs().sum()
    if kind == "huber":
        r, d = (a - y).abs(), model.HUBER_DELTA
        return torch.where(r <= d, 0.5 * r * r, d * (r - 0.5 * d)).sum()
    raise ValueError(f"unknown loss {kind}")


def schedule_factor(s, epoch):
    """The learning-rate factor of a 0-based epoch, as the app's schedules compute it."""
    if s["kind"] == "step":
        return s["gamma"] ** (epoch // s["stepEpochs"])
    if s["kind"] == "exponential":
        return s["gamma"] ** epoch
    if s["kind"] == "cosine":
        t = min(epoch, s["periodEpochs"]) / s["periodEpochs"]
        return s["minFactor"] + 0.5 * (1 - s["minFactor"]) * (1 + math.cos(math.pi * t))
    return 1.0


def make_optimizer(params, s):
    """PyTorch's optimiser for the app's; L2 decay is added to the gradients by hand (weights only)."""
    lr, kind = s["learningRate"], s["optimizer"]
    if kind in ("gd", "sgd"):
        return torch.optim.SGD(params, lr=lr)
    if kind in ("momentum", "nesterov"):
        return torch.optim.SGD(params, lr=lr, momentum=s["momentum"], nesterov=kind == "nesterov")
    if kind == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(s["beta1"], s["beta2"]), eps=s["epsilon"])
    if kind == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=s["rho"], eps=s["epsilon"])
    if kind == "rprop":
        r = s["rprop"]
        return torch.optim.Rprop(params, lr=lr, etas=(r["etaMinus"], r["etaPlus"]),
                                 step_sizes=(r["deltaMin"], r["deltaMax"]))
    raise ValueError(f"unknown optimizer {kind}")


def metrics(net, x, y, task):
    """{loss, accuracy} or {loss, r2, rmse} of a whole set (regression in standardised units)."""
    if len(x) == 0:
        return {"loss": None}
    with torch.no_grad():
        z, a = net(x)
        out = {"loss": loss_sum(z, a, y).item() / len(x)}
        if task != "regression":
            if a.shape[1] == 1:
                predicted, actual = (a[:, 0] >= 0.5).long(), (y[:, 0] >= 0.5).long()
            else:
                predicted, actual = a.argmax(dim=1), y.argmax(dim=1)
            out["accuracy"] = (predicted == actual).double().mean().item()
        else:
            ss_res = ((y - a) ** 2).sum().item()
            ss_tot = ((y - y.mean(dim=0)) ** 2).sum().item()
            out["r2"] = 1 - ss_res / ss_tot if ss_tot > 0 else None
            out["rmse"] = math.sqrt(ss_res / y.numel())
    return out


def downsample(points, limit=MAX_LOSS_POINTS):
    if len(points) <= limit:
        return points
    step = len(points) / limit
    return [points[int(i * step)] for i in range(limit - 1)] + [points[-1]]


def main(argv=None):
    ap = argparse.ArgumentParser(description="Train the exported network (one process, or many with torchrun).")
    ap.add_argument("--data", required=True, help="training rows (CSV with the feature and target columns)")
    ap.add_argument("--epochs", type=int, help="epochs to train (default: the file's setting)")
    ap.add_argument("--out", help="write the trained network as a Backprop Studio weights file")
    ap.add_argument("--weights", default=model.WEIGHTS_FILE, help="the weights file to start from")
    ap.add_argument("--lr", type=float, help="learning rate (default: the file's)")
    ap.add_argument("--batch", type=int, help="rows per step over all processes, 0 = full batch (default: the file's)")
    ap.add_argument("--seed", type=int, help="seed of the shuffle and the validation split (default: the file's)")
    ap.add_argument("--val", type=float, default=0.0, help="fraction of the rows held out for validation (default 0)")
    ap.add_argument("--quiet", action="store_true", help="print only the final JSON line")
    args = ap.parse_args(argv)
    if args.epochs is not None and args.epochs < 1:
        ap.error("--epochs must be at least 1")

    # ——— processes: torchrun sets WORLD_SIZE, RANK and LOCAL_RANK; plain python3 is a world of one ———
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    cuda = torch.cuda.is_available()
    device = torch.device(f"cuda:{int(os.environ.get('LOCAL_RANK', '0'))}" if cuda else "cpu")
    if cuda:
        torch.cuda.set_device(device)
    if world > 1:
        dist.init_process_group("nccl" if cuda else "gloo")
    say = (lambda *a: print(*a, flush=True)) if rank == 0 and not args.quiet else (lambda *a: None)

    net, file = model.load(args.weights)
    net = net.to(device)
    p = file["preprocessing"]
    if p is None:
        sys.exit(f"{args.weights}: the weights file has no preprocessing, so CSV rows cannot be encoded for it")
    training = file.get("training")
    s = dict(training["settings"]) if training else dict(model.DEFAULT_SETTINGS)
    if args.lr is not None:
        s["learningRate"] = args.lr
    if args.batch is not None:
        s["batchSize"] = args.batch
    if args.epochs is not None:
        s["epochs"] = args.epochs
    if args.seed is not None:
        s["seed"] = args.seed
    seed = int(s["seed"])

    # ——— data: every row encoded with the file's preprocessing ———
    try:
        header, names, records, lines, _ = pre.read_csv(args.data)
        y, kept = pre.encode_targets(p, names, records, lines, args.data)
        x = pre.encode_features(p, names, [records[r] for r in kept], [lines[r] for r in kept], args.data)
    except pre.DataError as err:
        sys.exit(f"error: {err}")
    x = torch.tensor(x, dtype=model.DTYPE, device=device).reshape(len(kept), pre.input_width(p))
    y = torch.tensor(y, dtype=model.DTYPE, device=device).reshape(len(kept), pre.output_width(p))
    g = torch.Generator().manual_seed(seed)
    order = torch.randperm(len(kept), generator=g) if args.val > 0 else torch.arange(len(kept))
    n_val = round(len(kept) * args.val)
    val_rows, train_rows = order[:n_val].sort().values, order[n_val:].sort().values
    x_train, y_train, x_val, y_val = x[train_rows], y[train_rows], x[val_rows], y[val_rows]
    n = len(x_train)
    if n == 0:
        sys.exit("error: no training rows")

    full = s["optimizer"] == "gd" or s["batchSize"] == 0 or s["batchSize"] >= n
    batch = n if full else s["batchSize"]
    steps_per_epoch = math.ceil(n / batch)
    # The sampler deals the epoch's shuffled order out to the processes; it only needs the row count.
    sampler = DistributedSampler(range(n), num_replicas=world, rank=rank,
                                 shuffle=s["shuffle"] and not full, seed=seed, drop_last=False)

    trained = DistributedDataParallel(net) if world > 1 else net
    weights = [getattr(net, a) for a, is_bias in model.EDGES.values() if not is_bias]
    optimizer = make_optimizer(net.parameters(), s)
    base_lr = s["learningRate"]
    task = p["task"]
    say(f"training on {n} rows ({len(x_val)} for validation), {world} process{'es' if world > 1 else ''}, "
        f"{s['optimizer']}, lr {base_lr}, batch {batch}, {s['epochs']} epochs, {'cuda' if cuda else 'cpu'}")

    steps_before = training["steps"] if training else 0
    epochs_before = training["epochsRun"] if training else 0
    history = [list(pt) for pt in training["lossHistory"]] if training else []
    step, previous, best, best_epoch, waited = 0, None, math.inf, 0, 0
    best_state, reason, last = None, "epochs", None
    for epoch in range(s["epochs"]):
        for group in optimizer.param_groups:
            group["lr"] = base_lr * schedule_factor(s["schedule"], epoch)
        sampler.set_epoch(epoch)
        mine = list(sampler)  # this process's rows: global positions rank, rank + world, …
        epoch_loss = torch.zeros((), dtype=model.DTYPE, device=device)
        for k in range(steps_per_epoch):
            start, end = k * batch, min((k + 1) * batch, n)
            m = end - start
            # This process's share of the batch: its rows at global positions in [start, end).
            first, stop = -(-(start - rank) // world), -(-(end - rank) // world)
            rows = torch.tensor(mine[max(first, 0):max(stop, 0)], dtype=torch.long, device=device)
            z, a = trained(x_train[rows])
            # DDP averages the processes' gradients (÷ world): scaled so the sum is (1/m) Σ over the batch.
            loss = loss_sum(z, a, y_train[rows]) * (world / m)
            optimizer.zero_grad(set_to_none=False)
            loss.backward()
            if s["l2"] > 0:
                with torch.no_grad():
                    for w in weights:
                        w.grad.add_(w, alpha=s["l2"])
            optimizer.step()
            epoch_loss += loss.detach() * (m / world)
            step += 1
        if world > 1:
            dist.all_reduce(epoch_loss)
        train_loss = epoch_loss.item() / n
        history.append([steps_before + step, train_loss if math.isfinite(train_loss) else None])
        last = {"epoch": epochs_before + epoch + 1, "step": steps_before + step,
                "learningRate": optimizer.param_groups[0]["lr"],
                "train": {**metrics(net, x_train, y_train, task), "loss": train_loss}}
        if len(x_val):
            last["validation"] = metrics(net, x_val, y_val, task)
        say(json.dumps({"epoch": epoch + 1, "train": last["train"], "validation": last.get("validation")}))
        if not math.isfinite(train_loss):
            reason = "non-finite"
            break
        if s["lossTarget"] is not None and train_loss <= s["lossTarget"]:
            reason = "target"
            break
        if s["minLossChange"] is not None and previous is not None and abs(train_loss - previous) < s["minLossChange"]:
            reason = "converged"
            break
        previous = train_loss
        if s["patience"] is not None:
            monitored = last["validation"]["loss"] if len(x_val) else train_loss
            if monitored < best:
                best, best_epoch, waited = monitored, epoch + 1, 0
                best_state = {k: v.clone() for k, v in net.state_dict().items()}
            else:
                waited += 1
                if waited >= s["patience"]:
                    net.load_state_dict(best_state)
                    reason = "early-stop"
                    break

    result = {"command": "train", "reason": reason, "processes": world, "epochs": epoch + 1, "steps": step,
              "train": last["train"] if last else None, "validation": last.get("validation") if last else None}
    if rank == 0 and args.out:
        out = dict(file)
        out["parameters"] = model.get_parameters(net)
        out["training"] = {
            "settings": s,
            "seed": s["seed"],
            "epochsRun": epochs_before + epoch + 1,
            "steps": steps_before + step,
            "final": last,
            "lossHistory": downsample(history),
        }
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=2, allow_nan=False)
            f.write("\n")
        result["out"] = args.out
    if rank == 0:
        print(json.dumps(result), flush=True)
    if world > 1:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
