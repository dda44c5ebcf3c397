// New-Object: PSObject/PSCustomObject (with -Property), hashtables and the .NET types the
// runtime can construct (`[T]::new(...)`), so both spellings build the same values.

import type { CmdletDefinition } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { RuntimeError } from '../runtime/exceptions.js';
import { invokeStaticMethod, setMember } from '../runtime/members.js';
import { resolveTypeName } from '../runtime/types.js';
import { PSHashtable, PSObject } from '../runtime/values.js';
import { cmdletError, items } from './common.js';

const NAME = 'New-Object';

export const newObject: CmdletDefinition = {
  name: NAME,
  parameters: [
    { name: 'TypeName', type: 'string', position: 0, mandatory: true },
    { name: 'ArgumentList', aliases: ['Args'], type: 'object[]', position: 1 },
    { name: 'Property', type: 'hashtable' },
    { name: 'ComObject', type: 'string' },
    { name: 'Strict', type: 'switch' },
  ],
  create: (ctx) => ({
    end(p) {
      const typeName = toStr(p.TypeName);
      const full = resolveTypeName(typeName);
      if (full === null) {
        return ctx.throwTerminatingError(cmdletError(NAME, `Cannot find type [${typeName}]: verify that the assembly containing this type is loaded.`,
          'TypeNotFound', 'InvalidType', null, 'System.Management.Automation.PSArgumentException'));
      }
      let made: unknown;
      try {
        made = invokeStaticMethod(full, 'new', items(p, 'ArgumentList'));
      } catch (e) {
        if (!(e instanceof RuntimeError)) throw e;
        return ctx.throwTerminatingError(cmdletError(NAME, e.message, 'ConstructorInvokedThrowException', 'InvalidOperation', null,
          'System.Management.Automation.MethodInvocationException'));
      }
      const props = p.Property;
      if (props instanceof PSHashtable) {
        for (const [k, v] of props) {
          if (made instanceof PSObject) made.setNote(toStr(k), v);
          else setMember(made, toStr(k), v);
        }
      }
      ctx.writeObject(made);
    },
  }),
};
