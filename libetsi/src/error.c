#include "error.h"

#include <stdio.h>
#include <string.h>

/* Messages and file names are kept in fixed thread-local buffers, so that
 * recording an error never allocates (it must work when memory ran out). */
#define MESSAGE_MAX 1024
#define FILE_MAX 512

static _Thread_local struct {
	etsi_error error;
	char message[MESSAGE_MAX];
	char file[FILE_MAX];
} last;

static const etsi_error no_error = {
	ETSI_OK, ETSI_ERROR_CLASS_NONE, "no error", NULL, 0, 0
};

static int record(int code, etsi_error_class klass, const char *file, int line,
                  int column, const char *fmt, va_list ap)
{
	int n = vsnprintf(last.message, sizeof(last.message), fmt, ap);

	if (n < 0)
		snprintf(last.message, sizeof(last.message), "%s", etsi_strerror(code));
	/* one line: fold any newline libxml2 or a caller left in */
	for (char *p = last.message; *p; p++) {
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	}
	n = (int)strlen(last.message);
	while (n > 0 && last.message[n - 1] == ' ')
		last.message[--n] = '\0';
	last.error.code = code;
	last.error.klass = klass;
	last.error.message = last.message;
	last.error.line = line;
	last.error.column = column;
	if (file) {
		snprintf(last.file, sizeof(last.file), "%s", file);
		last.error.file = last.file;
	} else {
		last.error.file = NULL;
	}
	return code;
}

int etsi__error(int code, etsi_error_class klass, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(code, klass, NULL, 0, 0, fmt, ap);
	va_end(ap);
	return code;
}

int etsi__error_at(int code, etsi_error_class klass, const char *file, int line,
                   int column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(code, klass, file, line, column, fmt, ap);
	va_end(ap);
	return code;
}

int etsi__error_oom(void)
{
	return etsi__error(ETSI_ENOMEM, ETSI_ERROR_CLASS_OS, "out of memory");
}

const etsi_error *etsi_error_last(void)
{
	return last.error.code ? &last.error : &no_error;
}

void etsi_error_clear(void)
{
	last.error.code = ETSI_OK;
}

const char *etsi_strerror(int code)
{
	switch (code) {
	case ETSI_OK:
		return "no error";
#define ETSI__ERROR_MESSAGE(name, value, message) case value: return message;
	ETSI_ERROR_MAP(ETSI__ERROR_MESSAGE)
#undef ETSI__ERROR_MESSAGE
	default:
		return "unknown error code";
	}
}

const char *etsi_error_name(int code)
{
	switch (code) {
	case ETSI_OK:
		return "OK";
#define ETSI__ERROR_NAME(name, value, message) case value: return #name;
	ETSI_ERROR_MAP(ETSI__ERROR_NAME)
#undef ETSI__ERROR_NAME
	default:
		return NULL;
	}
}
