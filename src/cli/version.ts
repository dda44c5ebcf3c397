// The PowerShell language version psh follows ($PSVersionTable.PSVersion) and psh's own release.
export const PS_LANGUAGE_VERSION = '7.4.0';
export const PSH_VERSION = '0.1.0';
