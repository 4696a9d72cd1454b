/** The imports error catalogue: what stops one record (the run goes on and reports it). */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const IMPORTS_ERRORS = {
  IMPORT_PHOTO_UNREACHABLE: 'unavailable',
  IMPORT_PHOTO_OUTSIDE_MEDIA_DIR: 'invalid',
  IMPORT_SECTION_MAP_INVALID: 'invalid',
  EXPORT_TARGET_EXISTS: 'conflict',
  RESTORE_FILE_INVALID: 'invalid',
  RESTORE_TARGET_NOT_EMPTY: 'conflict',
  RESTORE_REFUSED: 'invalid',
} as const satisfies ErrorCatalogue

const fail = errorsOf(IMPORTS_ERRORS)

/** The photo's file could not be read from --media DIR nor fetched in time. */
export function importPhotoUnreachable(where: string, why: string): MastheadError {
  return fail('IMPORT_PHOTO_UNREACHABLE', `The file ${where} could not be had: ${why}.`, {
    details: { where },
  })
}

/** A photo's path leads out of --media DIR ("../../etc/passwd"). */
export function importPhotoOutsideMediaDir(file: string): MastheadError {
  return fail('IMPORT_PHOTO_OUTSIDE_MEDIA_DIR', `"${file}" is not inside the media folder.`, {
    details: { file },
  })
}

/** `--sections` is not a list of old=new slug pairs. */
export function importSectionMapInvalid(entry: string): MastheadError {
  return fail(
    'IMPORT_SECTION_MAP_INVALID',
    `--sections takes old=new pairs separated by commas ("news=world,sport=sport"); "${entry}" is not one.`,
    { details: { entry } },
  )
}

/** `masthead export FILE` never overwrites: FILE or its media folder is already there. */
export function exportTargetExists(target: string): MastheadError {
  return fail(
    'EXPORT_TARGET_EXISTS',
    `${target} already exists; choose another name or move it away (an export never overwrites).`,
    { details: { target } },
  )
}

/** The file is not a masthead export this version can read; `place` says where it went wrong. */
export function restoreFileInvalid(place: string, reason: string): MastheadError {
  return fail(
    'RESTORE_FILE_INVALID',
    `Not a usable masthead export: ${place}: ${reason}. Nothing was imported.`,
    { details: { place, reason } },
  )
}

/** A restore goes only into an empty database, so nothing there can be lost or mixed up. */
export function restoreTargetNotEmpty(tables: readonly string[]): MastheadError {
  return fail(
    'RESTORE_TARGET_NOT_EMPTY',
    `The database is not empty (${tables.join(', ')} hold rows): a masthead export is restored only into an empty database. Nothing was imported.`,
    { details: { tables } },
  )
}

/** The database or the media storage refused a record (a broken reference, a duplicate, a file). */
export function restoreRefused(place: string, why: string, cause: unknown): MastheadError {
  return fail(
    'RESTORE_REFUSED',
    `The import stopped at ${place}: ${why}. Nothing was imported (every change was undone).`,
    { details: { place }, cause },
  )
}
