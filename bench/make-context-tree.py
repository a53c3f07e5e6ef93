#!/usr/bin/env python3
"""Generate a large build context: 200 000 files in 20 000 directories and a 30-pattern .dockerignore.

    python3 bench/make-context-tree.py OUT [FILES] [DIRECTORIES]

The tree looks like a monorepo: sources, node_modules, assets, docs, logs, build output, a .git
folder. Files are small (0-2 KiB) so the walk, not the disk, is what is measured.
"""
import os
import random
import sys

out = sys.argv[1]
files = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
directories = int(sys.argv[3]) if len(sys.argv) > 3 else 20_000
random.seed(42)

tops = ["src", "node_modules", "packages", "assets", "docs", "logs", "build", ".git", "tests", "vendor"]
extensions = [".js", ".ts", ".json", ".md", ".log", ".png", ".css", ".py", ".txt", ".map"]

os.makedirs(out, exist_ok=True)
paths = []
for index in range(directories):
    top = tops[index % len(tops)]
    depth = 1 + index % 4
    parts = [top] + [f"d{(index // (len(tops) * (level + 1))) % 97}" for level in range(depth)] + [f"n{index}"]
    paths.append(os.path.join(out, *parts))
for path in paths:
    os.makedirs(path, exist_ok=True)

per_directory = files // directories
for number, path in enumerate(paths):
    for slot in range(per_directory):
        name = f"f{slot}{extensions[(number + slot) % len(extensions)]}"
        with open(os.path.join(path, name), "wb") as handle:
            handle.write(b"x" * random.randint(0, 2048))

with open(os.path.join(out, ".dockerignore"), "w") as handle:
    handle.write("\n".join([
        "# generated: 30 patterns", "node_modules", ".git", "**/*.log", "build", "dist", "coverage", "*.md", "!README.md",
        "docs/**", "**/__pycache__", "**/.DS_Store", "tmp", ".env*", "**/*.map", "vendor/**/*.txt", "tests/**/fixtures",
        "logs", "!logs/keep", "assets/**/*.png", "**/.cache", ".idea", ".vscode", "*.swp", "npm-debug.log*",
        "yarn-error.log", "packages/*/node_modules", "**/target", "out", "**/*.tmp", "Dockerfile.dev",
    ]) + "\n")
with open(os.path.join(out, "Dockerfile"), "w") as handle:
    handle.write("FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\nCOPY src ./src\nCOPY packages ./packages\nUSER node\n")
with open(os.path.join(out, "package.json"), "w") as handle:
    handle.write("{}\n")
