/** The imports error catalogue: what stops one record (the run goes on and reports it). */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const IMPORTS_ERRORS = {
  IMPORT_PHOTO_UNREACHABLE: 'unavailable',
  IMPORT_PHOTO_OUTSIDE_MEDIA_DIR: 'invalid',
  IMPORT_SECTION_MAP_INVALID: 'invalid',
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
