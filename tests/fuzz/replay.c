/* Replays a fuzz corpus through a harness without libFuzzer, so every ctest run exercises it. */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

static int
replay_file(const char* const path)
{
  FILE* const stream = fopen(path, "rb");
  if (!stream) {
    perror(path);
    return 1;
  }
  uint8_t* data = NULL;
  size_t   size = 0U;
  for (uint8_t chunk[4096];;) {
    const size_t n = fread(chunk, 1U, sizeof(chunk), stream);
    if (!n) {
      break;
    }
    uint8_t* const grown = (uint8_t*)realloc(data, size + n);
    if (!grown) {
      free(data);
      fclose(stream);
      return 1;
    }
    data = grown;
    memcpy(data + size, chunk, n);
    size += n;
  }
  fclose(stream);
  LLVMFuzzerTestOneInput(data ? data : (const uint8_t*)"", size);
  free(data);
  return 0;
}

int
main(const int argc, char** const argv)
{
  size_t replayed = 0U;
  for (int i = 1; i < argc; ++i) {
    DIR* const dir = opendir(argv[i]);
    if (!dir) {
      replayed += replay_file(argv[i]) == 0;
      continue;
    }
    for (struct dirent* entry = NULL; (entry = readdir(dir));) {
      if (entry->d_name[0] == '.') {
        continue;
      }
      char path[4096];
      snprintf(path, sizeof(path), "%s/%s", argv[i], entry->d_name);
      replayed += replay_file(path) == 0;
    }
    closedir(dir);
  }
  printf("replayed %zu inputs\n", replayed);
  return replayed ? 0 : 1;
}
