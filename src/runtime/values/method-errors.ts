// The errors member access raises, worded as PowerShell words them.

import { RuntimeError } from '../exceptions.js';
import { typeNamesOf } from '../types.js';

/** "Exception calling "Substring" with "1" argument(s): "..."" (a .NET method threw). */
export function methodException(method: string, argCount: number, inner: string, errorId: string): RuntimeError {
  return RuntimeError.create(`Exception calling "${method}" with "${argCount}" argument(s): "${inner}"`, errorId, 'NotSpecified',
    'System.Management.Automation.MethodInvocationException');
}

export function methodNotFound(target: unknown, method: string): RuntimeError {
  const typeName = typeof target === 'string' && target.startsWith('[') ? target.slice(1, -1) : typeNamesOf(target)[0] ?? 'System.Object';
  return RuntimeError.create(`Method invocation failed because [${typeName}] does not contain a method named '${method}'.`, 'MethodNotFound',
    'InvalidOperation', 'System.Management.Automation.RuntimeException', target);
}

export function staticMethodNotFound(typeName: string, method: string): RuntimeError {
  return RuntimeError.create(`Method invocation failed because [${typeName}] does not contain a method named '${method}'.`, 'MethodNotFound',
    'InvalidOperation', 'System.Management.Automation.RuntimeException', null);
}

export function invokeMethodOnNull(): RuntimeError {
  return RuntimeError.create('You cannot call a method on a null-valued expression.', 'InvokeMethodOnNull', 'InvalidOperation');
}

export function propertyNotSettable(name: string): RuntimeError {
  return RuntimeError.create(`The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`,
    'PropertyAssignmentException', 'InvalidOperation');
}

export function readOnlyProperty(name: string): RuntimeError {
  return RuntimeError.create(`'${name}' is a ReadOnly property.`, 'PropertyAssignmentException', 'InvalidOperation');
}

export function nullArray(): RuntimeError {
  return RuntimeError.create('Cannot index into a null array.', 'NullArray', 'InvalidOperation');
}

export function indexOutOfRange(): RuntimeError {
  return RuntimeError.create('Index was outside the bounds of the array.', 'IndexOutOfRange', 'InvalidOperation',
    'System.IndexOutOfRangeException');
}

export function cannotIndex(target: unknown): RuntimeError {
  return RuntimeError.create(`Unable to index into an object of type "${typeNamesOf(target)[0] ?? 'System.Object'}".`, 'CannotIndex', 'InvalidOperation');
}

/** Too few arguments for an overload: "Cannot find an overload for "X" and the argument count: "N"." */
export function noOverload(method: string, argCount: number): RuntimeError {
  return RuntimeError.create(`Cannot find an overload for "${method}" and the argument count: "${argCount}".`, 'MethodCountCouldNotFindBest', 'NotSpecified');
}
