"""Step 1 of the webhook setup guide: `cd backend-v2 && python main.py` starts ROMS on http://localhost:8001.

ROMS is a Node.js program: `npm install && npm start` in the project folder does the same (../README.md). This script
keeps the guide's commands working for people who already follow them. It installs ROMS on first use, then runs the
server from this folder, so that its SQLite file is backend-v2/roms_v2.db and its settings backend-v2/.env, where the
guide looks for them. Python's standard library only: `pip install -r requirements.txt` has nothing to install.
"""
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SERVER = os.path.join(ROOT, 'dist', 'main.js')


def main() -> int:
    node = shutil.which('node')
    npm = shutil.which('npm')
    if node is None or npm is None:
        print('ROMS runs on Node.js 20.19 or newer: install it (https://nodejs.org) so that node and npm are on the PATH',
              file=sys.stderr)
        return 1
    if not os.path.isdir(os.path.join(ROOT, 'node_modules')) or not os.path.isfile(SERVER):
        print('Installing ROMS (npm install in %s, first start only)...' % ROOT, file=sys.stderr)
        code = subprocess.call([npm, 'install'], cwd=ROOT)
        if code != 0:
            return code
    os.chdir(HERE)
    # The server takes this process's place: Ctrl-C and kill reach it directly.
    os.execv(node, [node, SERVER, 'serve'])
    return 0


if __name__ == '__main__':
    sys.exit(main())
