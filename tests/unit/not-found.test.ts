import { describe, expect, it } from 'vitest';
import { wordsOfPath } from '../../src/lib/not-found';

describe('the words of a missing page’s address', () => {
  it('keeps the words that say what the reader wanted', () => {
    expect(wordsOfPath('/talks/karpenter-autoscalin/')).toEqual(['karpenter', 'autoscalin']);
    expect(wordsOfPath('/themes/observabilty')).toEqual(['observabilty']);
  });
  it('leaves out route names, common words, numbers, short words, repeats and the base path', () => {
    expect(wordsOfPath('/kubecon-recaps/talks/eu-2021/ebpf-on-the-rise/index.html', '/kubecon-recaps/')).toEqual([
      'ebpf',
      'rise',
    ]);
    expect(wordsOfPath('/404.html')).toEqual([]);
    expect(wordsOfPath('/projects/cilium/cilium/')).toEqual(['cilium']);
  });
  it('reads escaped and non-Latin letters, and survives a malformed escape', () => {
    expect(wordsOfPath('/talks/k%C3%B6rbes-hacking/')).toEqual(['körbes', 'hacking']);
    expect(wordsOfPath('/talks/100%-uptime/')).toEqual(['uptime']);
  });
});
