# Writes OUTPUT, a C++ source defining pmstudio::app::bundled_templates() with the text of each
# MCL file in INPUTS (the global templates pmstudio installs at start-up).
file(WRITE ${OUTPUT} "// Generated from templates/*.mcl by cmake/embed_templates.cmake; do not edit.\n")
file(APPEND ${OUTPUT} "#include \"app/bundled_templates.h\"\n\nnamespace pmstudio::app {\n\n")
file(APPEND ${OUTPUT} "std::vector<services::BundledTemplate> bundled_templates() {\n    return {\n")
foreach(input IN LISTS INPUTS)
  file(READ ${input} content)
  get_filename_component(name ${input} NAME)
  file(APPEND ${OUTPUT} "        {\"${name}\", R\"pmstudio_mcl(${content})pmstudio_mcl\"},\n")
endforeach()
file(APPEND ${OUTPUT} "    };\n}\n\n}  // namespace pmstudio::app\n")
