#!/usr/bin/env python3
"""make-osv-archive.py OUT.zip [COUNT] — COUNT (default 300000) realistic OSV records across the
ecosystems plimsoll matches, as one archive like OSV's all.zip. Debian 12 records name the source
packages of make-images.sh's Debian image, so a scan of it finds matches."""
import json, random, sys, zipfile

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 300_000
random.seed(20261128)
debian_sources = ["openssl", "glibc", "bash", "curl", "apt", "systemd", "util-linux", "gnutls28", "perl", "tar", "gzip",
                  "coreutils", "ncurses", "zlib", "xz-utils", "libgcrypt20", "pam", "shadow", "sed", "dpkg"]
ecosystems = [("Debian:12", "deb"), ("Ubuntu:22.04:LTS", "deb"), ("Alpine:v3.19", "apk"), ("PyPI", "py"), ("npm", "npm"), ("Go", "go")]
with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
    for index in range(count):
        ecosystem, kind = ecosystems[index % len(ecosystems)]
        if kind == "deb":
            name = random.choice(debian_sources) if random.random() < 0.05 else f"pkg{random.randrange(30000)}"
            fixed = f"{random.randrange(1, 9)}.{random.randrange(20)}.{random.randrange(9)}-{random.randrange(1, 5)}+deb12u{random.randrange(1, 9)}"
        elif kind == "go":
            name = f"github.com/org{random.randrange(3000)}/mod{random.randrange(50)}"
            fixed = f"v{random.randrange(3)}.{random.randrange(30)}.{random.randrange(10)}"
        else:
            name = f"package-{random.randrange(40000)}"
            fixed = f"{random.randrange(1, 9)}.{random.randrange(20)}.{random.randrange(9)}"
        record = {
            "schema_version": "1.6.0", "id": f"PLIM-{index:07d}", "modified": "2026-10-01T00:00:00Z",
            "published": "2026-09-01T00:00:00Z", "aliases": [f"CVE-2026-{index:06d}"],
            "summary": f"Synthetic advisory {index} for {name}",
            "details": "A realistic-size description of the problem. " * 8,
            "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
            "affected": [{"package": {"ecosystem": ecosystem, "name": name},
                          "ranges": [{"type": "ECOSYSTEM" if kind != "npm" else "SEMVER", "events": [{"introduced": "0"}, {"fixed": fixed}]}]}],
            "references": [{"type": "ADVISORY", "url": f"https://example.com/advisories/{index}"}],
        }
        archive.writestr(f"PLIM-{index:07d}.json", json.dumps(record))
