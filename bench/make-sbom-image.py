#!/usr/bin/env python3
"""make-sbom-image.py OUT.tar [GO_BINARY] — a docker-archive with an Alpine apk database, Python
dist-info packages, npm packages (scoped ones included) and, when given, a real Go executable,
for comparing plimsoll sbom with syft.
make-sbom-image.py OUT.tar --copy GLOB... — a Debian-based docker-archive holding the machine's
regular files that match the globs, at their own paths (real jars from /usr/share/java, real
gemspecs from Ruby's gem directories)."""
import glob, hashlib, io, json, os, sys, tarfile

def tar_bytes(files):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for path, content in files:
            info = tarfile.TarInfo(path)
            info.size = len(content)
            info.mtime = 1700000000
            info.mode = 0o755 if path.startswith("usr/local/bin/") else 0o644
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()

apk = []
for index in range(60):
    apk.append(f"P:pkg{index}\nV:1.{index}.0-r{index % 3}\nA:x86_64\nL:MIT\no:origin{index % 7}\nT:package {index}\n")
base = [("etc/os-release", b'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.1\n'),
        ("lib/apk/db/installed", "\n".join(apk).encode())]
python = [(f"usr/lib/python3.11/site-packages/Package_{i}-{i}.0.{i}.dist-info/METADATA",
           f"Metadata-Version: 2.1\nName: Package_{i}\nVersion: {i}.0.{i}\nLicense: MIT\n\nDescription\n".encode())
          for i in range(40)]
node = [("app/package.json", json.dumps({"name": "shop", "version": "1.0.0"}).encode())]
for i in range(80):
    name = f"@scope{i % 4}/lib{i}" if i % 2 else f"lib{i}"
    node.append((f"app/node_modules/{name}/package.json", json.dumps({"name": name, "version": f"0.{i}.1", "license": "MIT"}).encode()))

layers = [tar_bytes(base), tar_bytes(python), tar_bytes(node)]
if len(sys.argv) > 3 and sys.argv[2] == "--copy":
    paths = sorted({p for pattern in sys.argv[3:] for p in glob.glob(pattern, recursive=True) if os.path.isfile(p) and not os.path.islink(p)})
    layers = [tar_bytes([("etc/os-release", b'ID=debian\nVERSION_ID="12"\n')]),
              tar_bytes([(p.lstrip("/"), open(p, "rb").read()) for p in paths])]
elif len(sys.argv) > 2:
    layers.append(tar_bytes([("usr/local/bin/tool", open(sys.argv[2], "rb").read())]))
diff_ids = ["sha256:" + hashlib.sha256(layer).hexdigest() for layer in layers]
config = json.dumps({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": diff_ids},
                     "history": [{"created_by": c} for c in ("ADD alpine /", "RUN pip install", "COPY . /app", "COPY tool /usr/local/bin/")][:len(layers)]}).encode()
config_name = hashlib.sha256(config).hexdigest() + ".json"
members = [(config_name, config)]
layer_names = []
for digest, layer in zip(diff_ids, layers):
    layer_names.append(digest[7:] + ".tar")
    members.append((layer_names[-1], layer))
members.append(("manifest.json", json.dumps([{"Config": config_name, "RepoTags": ["sbom/fixture:latest"], "Layers": layer_names}]).encode()))
with open(sys.argv[1], "wb") as out:
    out.write(tar_bytes(members))
