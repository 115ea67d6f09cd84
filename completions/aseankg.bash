# bash completion for aseankg(1)
_aseankg()
{
  local cur prev
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}

  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "export check diff patch canon --help --version" -- "$cur"))
    return
  fi

  case $prev in
    -f|--format)
      case ${COMP_WORDS[1]} in
        diff) COMPREPLY=($(compgen -W "text rdf-patch sparql-update" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "turtle ntriples nquads jsonld dot html" -- "$cur")) ;;
      esac
      return ;;
    -i|--input) COMPREPLY=($(compgen -W "ntriples nquads turtle trig rdfxml" -- "$cur")); return ;;
    --hash) COMPREPLY=($(compgen -W "SHA256 SHA384" -- "$cur")); return ;;
    -d|--data) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    -o|--output|--ontology) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --base|--max-work|--clause|--around|--document) return ;;
  esac

  local options
  case ${COMP_WORDS[1]} in
    export) options="--format --output --data --ontology --base --clause --around --document" ;;
    check) options="--data --ontology --base" ;;
    diff) options="--format --input" ;;
    patch) options="--input --output" ;;
    canon) options="--input --output --max-work --hash" ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _aseankg aseankg
