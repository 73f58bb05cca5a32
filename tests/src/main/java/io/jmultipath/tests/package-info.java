/** jmultipath tests module. */
package io.jmultipath.tests;
