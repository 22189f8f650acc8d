# The front end of the dashboard pages (web/): npm ci installs the pinned packages of
# web/package-lock.json into build/web/node_modules, esbuild bundles web/src into build/web/dist,
# and the bundle and the page templates (web/pages) are compiled into the binary. Network is
# needed at build time only (the npm registry); the running server serves everything itself.
find_program(NPM_EXECUTABLE npm REQUIRED)
set(web_build_dir ${CMAKE_BINARY_DIR}/web)
set(web_modules ${web_build_dir}/node_modules)
file(MAKE_DIRECTORY ${web_build_dir})

add_custom_command(OUTPUT ${web_build_dir}/npm-ci.stamp
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/web/package.json
    ${CMAKE_SOURCE_DIR}/web/package-lock.json ${web_build_dir}
  COMMAND ${NPM_EXECUTABLE} ci --no-audit --no-fund --ignore-scripts --loglevel=error
  COMMAND ${CMAKE_COMMAND} -E touch ${web_build_dir}/npm-ci.stamp
  WORKING_DIRECTORY ${web_build_dir}
  DEPENDS ${CMAKE_SOURCE_DIR}/web/package.json ${CMAKE_SOURCE_DIR}/web/package-lock.json
  COMMENT "npm ci for the dashboard pages (web/package-lock.json)"
  VERBATIM)

file(GLOB web_sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/src/*)
set(web_bundle ${web_build_dir}/dist/dashboard.js ${web_build_dir}/dist/dashboard.css)
add_custom_command(OUTPUT ${web_bundle}
  COMMAND ${CMAKE_COMMAND} -E env NODE_PATH=${web_modules} ${web_modules}/.bin/esbuild
    ${CMAKE_SOURCE_DIR}/web/src/dashboard.js --bundle --minify --target=es2020
    --outdir=${web_build_dir}/dist --log-level=warning
  DEPENDS ${web_build_dir}/npm-ci.stamp ${web_sources}
  COMMENT "esbuild: the dashboard pages' bundle"
  VERBATIM)

file(GLOB web_page_templates CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/pages/*.html)
set(web_files_source ${CMAKE_BINARY_DIR}/generated/web_files.cpp)
add_custom_command(OUTPUT ${web_files_source}
  COMMAND ${CMAKE_COMMAND} -DOUTPUT=${web_files_source} "-DASSETS=${web_bundle}"
    "-DPAGES=${web_page_templates}" -P ${CMAKE_SOURCE_DIR}/cmake/embed_web_files.cmake
  DEPENDS ${web_bundle} ${web_page_templates} ${CMAKE_SOURCE_DIR}/cmake/embed_web_files.cmake
  VERBATIM)
target_sources(pmstudio_web PRIVATE ${web_files_source})
