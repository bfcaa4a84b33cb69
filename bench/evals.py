#!/usr/bin/env python3
"""Benchmark (c): LLM calls and prompt/completion tokens per customer turn over the eval suite.

Runs ConversationEvalIT (src/test/java/es/msia/bot/conversation/evals), which drives every conversation of
src/test/resources/evals/conversations.jsonl through the LLM path against a fake OpenRouter and records
each call's usage, and reads its printed tables. The fake's usage counts prompt tokens as request
characters / 4; the test also counts the largest request with the real o200k encoding. Offline (-o) Maven.
Writes bench/results/evals-<timestamp>.json and prints a table.
"""
import json, os, re, subprocess, sys, time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')


def main():
    out = subprocess.run(['./mvnw', '-o', '-B', 'verify', '-Dit.test=ConversationEvalIT', '-Dtest=none',
                          '-Dsurefire.failIfNoSpecifiedTests=false', '-Dfailsafe.failIfNoSpecifiedTests=false'],
                         cwd=ROOT, capture_output=True, text=True).stdout
    rows = {}
    for line in out.splitlines():
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) == 10 and cells[0] in ('offline', 'llm (fake OpenRouter)'):
            rows[cells[0]] = cells
    o200k = re.search(r'max prompt tokens per call \(o200k, messages \+ tools\): (\d+)', out)
    passed = 'BUILD SUCCESS' in out
    if 'llm (fake OpenRouter)' not in rows:
        sys.exit('ConversationEvalIT printed no LLM table; Maven output ends:\n' + '\n'.join(out.splitlines()[-40:]))
    llm = rows['llm (fake OpenRouter)']
    result = {'tests_passed': passed, 'conversations': int(llm[1]), 'pass_rate': llm[2], 'turns': int(llm[3]),
              'llm_calls_per_turn': float(llm[4]), 'prompt_tokens_per_turn_fake_usage': float(llm[5]),
              'completion_tokens_per_turn_fake_usage': float(llm[6]), 'max_prompt_tokens_per_call_fake_usage': int(llm[7]),
              'max_prompt_tokens_per_call_o200k': int(o200k.group(1)) if o200k else None}
    out_file = os.path.join(ROOT, 'bench', 'results', 'evals-%s.json' % time.strftime('%Y%m%dT%H%M%S'))
    os.makedirs(os.path.dirname(out_file), exist_ok=True)
    json.dump(result, open(out_file, 'w'), indent=2)
    print('\n%-52s %s' % ('(c) eval suite through the fake OpenRouter', 'value'))
    print('-' * 100)
    print('%-52s %d conversations, %d customer turns, pass %s' % ('suite', result['conversations'], result['turns'],
                                                                     result['pass_rate']))
    print('%-52s %.2f   (target <= 1.5, ConversationEvalIT)' % ('LLM calls per customer turn', result['llm_calls_per_turn']))
    print('%-52s %.0f' % ('prompt tokens per turn (fake usage: o200k count)', result['prompt_tokens_per_turn_fake_usage']))
    print('%-52s %.0f' % ('completion tokens per turn (fake usage)', result['completion_tokens_per_turn_fake_usage']))
    print('%-52s %s   (target <= 2500)' % ('max prompt tokens per call (o200k)', result['max_prompt_tokens_per_call_o200k']))
    print('%-52s %s' % ('ConversationEvalIT green', passed))
    print('written', os.path.relpath(out_file, ROOT))


if __name__ == '__main__':
    main()
