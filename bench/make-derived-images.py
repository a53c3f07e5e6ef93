#!/usr/bin/env python3
"""Adds COUNT images to an OCI layout, each the image tagged BASE plus one small layer of its own
(`COPY app /app`), tagged app-1 … app-COUNT: a fleet of images sharing one base, as a registry of
one team's services holds. Blobs are written content-addressed beside the base's.

    python3 bench/make-derived-images.py LAYOUT BASE COUNT
"""
import gzip
import hashlib
import io
import json
import os
import sys
import tarfile


def write_blob(layout, data):
    digest = hashlib.sha256(data).hexdigest()
    path = os.path.join(layout, "blobs", "sha256", digest)
    if not os.path.exists(path):
        with open(path, "wb") as blob:
            blob.write(data)
    return "sha256:" + digest


def read_blob(layout, digest):
    with open(os.path.join(layout, "blobs", "sha256", digest.split(":", 1)[1]), "rb") as blob:
        return blob.read()


def app_layer(number):
    """A gzip tar holding app/service.txt; fixed times so a rerun writes the same blobs."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        folder = tarfile.TarInfo("app")
        folder.type, folder.mode = tarfile.DIRTYPE, 0o755
        tar.addfile(folder)
        body = f"service {number}\n".encode() * 64
        member = tarfile.TarInfo("app/service.txt")
        member.size, member.mode = len(body), 0o644
        tar.addfile(member, io.BytesIO(body))
    uncompressed = raw.getvalue()
    return gzip.compress(uncompressed, mtime=0), uncompressed


def main():
    layout, base_tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    index_path = os.path.join(layout, "index.json")
    with open(index_path) as handle:
        index = json.load(handle)
    tag_key = "org.opencontainers.image.ref.name"
    base = next(m for m in index["manifests"] if m.get("annotations", {}).get(tag_key) == base_tag)
    manifest = json.loads(read_blob(layout, base["digest"]))
    config = json.loads(read_blob(layout, manifest["config"]["digest"]))
    index["manifests"] = [m for m in index["manifests"] if not m.get("annotations", {}).get(tag_key, "").startswith("app-")]
    for number in range(1, count + 1):
        compressed, uncompressed = app_layer(number)
        layer = {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                 "digest": write_blob(layout, compressed), "size": len(compressed)}
        derived_config = json.loads(json.dumps(config))
        derived_config["rootfs"]["diff_ids"].append("sha256:" + hashlib.sha256(uncompressed).hexdigest())
        derived_config.setdefault("history", []).append({"created_by": "COPY app /app # buildkit"})
        config_bytes = json.dumps(derived_config, separators=(",", ":")).encode()
        derived = json.loads(json.dumps(manifest))
        derived["config"] = {"mediaType": manifest["config"]["mediaType"], "digest": write_blob(layout, config_bytes),
                             "size": len(config_bytes)}
        derived["layers"].append(layer)
        manifest_bytes = json.dumps(derived, separators=(",", ":")).encode()
        index["manifests"].append({"mediaType": derived.get("mediaType", "application/vnd.oci.image.manifest.v1+json"),
                                   "digest": write_blob(layout, manifest_bytes), "size": len(manifest_bytes),
                                   "annotations": {tag_key: f"app-{number}"}})
    with open(index_path, "w") as handle:
        json.dump(index, handle)


if __name__ == "__main__":
    main()
