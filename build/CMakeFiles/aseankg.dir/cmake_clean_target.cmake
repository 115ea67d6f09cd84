file(REMOVE_RECURSE
  "libaseankg.a"
)
