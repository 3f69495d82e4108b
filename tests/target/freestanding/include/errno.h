/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Error-code constants for the freestanding proof build. Values are Zephyr's (the same
 * as newlib's). Constants only: there is no errno variable, so code that reads or writes errno
 * fails this build.
 */
#ifndef ZMEM_FREESTANDING_ERRNO_H_
#define ZMEM_FREESTANDING_ERRNO_H_

#define EPERM     1
#define ENOENT    2
#define EIO       5
#define E2BIG     7
#define EAGAIN    11
#define ENOMEM    12
#define EACCES    13
#define EFAULT    14
#define EBUSY     16
#define EEXIST    17
#define EINVAL    22
#define ENOSPC    28
#define ERANGE    34
#define ENOSYS    88
#define EMSGSIZE  122
#define ENOTSUP   134
#define EOVERFLOW 139
#define ECANCELED 140

#endif /* ZMEM_FREESTANDING_ERRNO_H_ */
