#!/usr/bin/env python3
"""Top frames of a flight recording's execution samples, for the threads whose name matches a pattern.

Usage: python3 bench/jfr_top.py FILE.jfr THREAD_REGEX [FRAME_PREFIX]   (e.g. '^turn' es.msia)
Prints the frames most often on top of the stack (self) and, among frames starting with FRAME_PREFIX
(default es.msia), those most often anywhere in it (inclusive), as shares of the matching samples.
Needs the JDK's jfr tool on the PATH.
"""
import collections, re, subprocess, sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    recording, threads = sys.argv[1], re.compile(sys.argv[2])
    prefix = sys.argv[3] if len(sys.argv) > 3 else 'es.msia'
    text = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '64', recording],
                          capture_output=True, text=True, check=True).stdout
    own, anywhere, samples = collections.Counter(), collections.Counter(), 0
    for event in text.split('jdk.ExecutionSample')[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        frames = re.findall(r'^\s+([\w.$<>/]+)\(.*?line:', event, re.M)
        if not thread or not threads.search(thread.group(1)) or not frames:
            continue
        samples += 1
        own[frames[0]] += 1
        anywhere.update(set(frames))
    print('samples', samples)
    if not samples:
        return
    print('-- self')
    for frame, count in own.most_common(25):
        print('%5.1f%% %s' % (100 * count / samples, frame))
    print('-- inclusive (%s)' % prefix)
    for frame, count in [fc for fc in anywhere.most_common() if fc[0].startswith(prefix)][:45]:
        print('%5.1f%% %s' % (100 * count / samples, frame))


if __name__ == '__main__':
    main()
