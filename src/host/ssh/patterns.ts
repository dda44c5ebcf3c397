// OpenSSH host patterns, shared by ssh_config `Host` lines and known_hosts host fields:
// `*` and `?` wildcards, a leading `!` negates, names compare case-insensitively.

function wildcardRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** Whether one pattern (without negation) matches the name. */
export function matchesWildcard(name: string, pattern: string): boolean {
  return wildcardRegExp(pattern).test(name);
}

/**
 * Whether a list of patterns matches: at least one positive pattern matches and no negated
 * one does (a negated match vetoes the whole list, as in OpenSSH's match_pattern_list).
 */
export function matchesPatternList(name: string, patterns: readonly string[]): boolean {
  let matched = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (matchesWildcard(name, p.slice(1))) return false;
    } else if (matchesWildcard(name, p)) {
      matched = true;
    }
  }
  return matched;
}
